import { DigestError } from '@/lib/digest';

/** The DigestError `run` throws; fails the test if it returns, or throws anything else. */
export function refusal(run: () => unknown): DigestError {
  try {
    run();
  } catch (error) {
    if (error instanceof DigestError) return error;
    throw error;
  }
  throw new Error('expected the input to be refused');
}
