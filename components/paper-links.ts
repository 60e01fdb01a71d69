export { paperUrl } from '@/lib/identity/paper-urls';
