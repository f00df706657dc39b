/** The decrypted records of one store, in memory while the vault is unlocked (never on disk). */
import type { StoredRecord } from './repository';

/** The cached form of a record: a frozen parse of the JSON text that was sealed. */
export function frozenCopy(json: string): StoredRecord {
  return Object.freeze(JSON.parse(json) as StoredRecord);
}

/**
 * A record written in this session is kept as the JSON text that was sealed until something reads
 * it, then parsed and frozen once: a bulk write does not build 50,000 objects that nothing may
 * ever look at, and what is read is exactly what is on disk, detached from the writer's objects.
 */
export class RecordCache {
  private readonly map = new Map<string, StoredRecord | string>();
  get size(): number {
    return this.map.size;
  }
  get(id: string): StoredRecord | undefined {
    const v = this.map.get(id);
    if (typeof v !== 'string') return v;
    const record = frozenCopy(v);
    this.map.set(id, record);
    return record;
  }
  /** Keeps a frozen record. */
  set(id: string, record: StoredRecord): void {
    this.map.set(id, record);
  }
  /** Keeps the JSON text of a record just sealed; it is parsed on first read. */
  setSealedJson(id: string, json: string): void {
    this.map.set(id, json);
  }
  delete(id: string): void {
    this.map.delete(id);
  }
  clear(): void {
    this.map.clear();
  }
  /** Every record's id and JSON text (in insertion order), without parsing pending ones. */
  texts(): { ids: string[]; jsons: string[] } {
    const ids: string[] = [];
    const jsons: string[] = [];
    for (const [id, v] of this.map) {
      ids.push(id);
      jsons.push(typeof v === 'string' ? v : JSON.stringify(v));
    }
    return { ids, jsons };
  }
  /** Every record (in insertion order), parsed where still pending. */
  values(): StoredRecord[] {
    const out: StoredRecord[] = new Array<StoredRecord>(this.map.size);
    let i = 0;
    for (const [id, v] of this.map) {
      out[i++] = typeof v === 'string' ? (this.get(id) as StoredRecord) : v;
    }
    return out;
  }
}
