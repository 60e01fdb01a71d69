/**
 * Once per Firefox suite run: says which Firefox it runs in and, at the end, how long the suite
 * took (the issue asks for both in the output). A missing Firefox is reported by each file
 * (`firefoxAvailable`), as a failure in CI and a skip elsewhere.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { FIREFOX_PATH } from './harness';

export default function setup(): () => void {
  const started = performance.now();
  if (existsSync(FIREFOX_PATH)) {
    const version = execFileSync(FIREFOX_PATH, ['--version'], { encoding: 'utf8' }).trim();
    console.log(`DigestLens Firefox suite: ${version} (${FIREFOX_PATH})`);
  }
  return () => console.log(`DigestLens Firefox suite: ran in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
