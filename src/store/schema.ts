/** Versioned migrations shared in spirit by every adapter; each adapter writes its own dialect. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
