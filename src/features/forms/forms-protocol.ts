/** Messages between the forms and their worker (schema validation with ajv, password hashing). */
import type { EditPath } from "./model/config.ts";

export interface SchemaProblem {
  path: EditPath;
  message: string;
}

export type ToFormsWorker =
  { type: "validate"; id: number; variant: string; version: string; config: unknown } | { type: "hash"; id: number; password: string; salt: string };

export type FromFormsWorker =
  { type: "validated"; id: number; problems: SchemaProblem[] } | { type: "hashed"; id: number; hash: string } | { type: "failed"; id: number; message: string };
