export interface Migration {
  // Numbered from 1 without gaps; stored in PRAGMA user_version once applied.
  version: number;
  name: string;
  up: string;
}
