import type { DisclosureStatus } from '../lib/frameworks.ts';

/** A symbol per disclosure status, always shown with the status in words (never colour alone). */
export const STATUS_SYMBOLS: Record<DisclosureStatus, string> = {
  disclosed: '✓',
  'not-applicable': '⊘',
  explained: 'ℹ',
  'not-reported': '✗',
  'no-data': '–',
  deleted: '⌫',
};
