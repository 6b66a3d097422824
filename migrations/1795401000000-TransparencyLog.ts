import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sharing log as an RFC 9162 / C2SP transparency log (ADR 0006): entries in encoding v2 cover
 * every column, justifications are committed to rather than stored, the Merkle tree's complete
 * subtrees and every signed tree head are kept, and prosecutors' witness keys and cosignatures.
 */
export class TransparencyLog1795401000000 implements MigrationInterface {
  name = 'TransparencyLog1795401000000';

  async up(q: QueryRunner): Promise<void> {
    // Existing rows are encoding 1 and keep verifying as they were hashed.
    await q.query(`ALTER TABLE sharing_log ADD COLUMN version smallint NOT NULL DEFAULT 1 CHECK (version IN (1, 2))`);
    await q.query(`ALTER TABLE sharing_log ADD COLUMN legal_reference text`);
    await q.query(`ALTER TABLE sharing_log ADD COLUMN justification_commitment text`);
    // The key of the justification's commitment lives with the disclosure, never in the log.
    await q.query(`ALTER TABLE disclosures ADD COLUMN justification_nonce text`);
    await q.query(`CREATE INDEX disclosures_log_seq_idx ON disclosures (log_seq)`);

    // Complete (perfect) subtrees: level 0 are the leaf hashes; proofs are read from here.
    await q.query(`CREATE TABLE sharing_log_nodes (
      level smallint NOT NULL CHECK (level BETWEEN 0 AND 62),
      idx bigint NOT NULL CHECK (idx >= 0),
      hash bytea NOT NULL CHECK (length(hash) = 32),
      PRIMARY KEY (level, idx)
    )`);
    // One signed checkpoint per append (or batch): the C2SP note, and the right edge of the tree
    // (the roots of its complete subtrees, largest first) from which the next append continues.
    await q.query(`CREATE TABLE sharing_log_tree_heads (
      size bigint PRIMARY KEY CHECK (size >= 0),
      root_hash bytea NOT NULL CHECK (length(root_hash) = 32),
      chain_head text NOT NULL,
      frontier bytea NOT NULL,
      note text NOT NULL,
      signed_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE witness_keys (
      user_id uuid PRIMARY KEY REFERENCES users(id),
      name text NOT NULL,
      key_id text NOT NULL,
      public_key text NOT NULL,
      registered_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE sharing_log_cosignatures (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tree_size bigint NOT NULL REFERENCES sharing_log_tree_heads(size),
      user_id uuid NOT NULL REFERENCES users(id),
      name text NOT NULL,
      key_id text NOT NULL,
      public_key text NOT NULL,
      cosigned_at timestamptz NOT NULL,
      signature_line text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX sharing_log_cosignatures_size_idx ON sharing_log_cosignatures (tree_size)`);
    for (const table of ['sharing_log_nodes', 'sharing_log_tree_heads', 'sharing_log_cosignatures']) {
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['sharing_log_cosignatures', 'witness_keys', 'sharing_log_tree_heads', 'sharing_log_nodes']) await q.query(`DROP TABLE ${t}`);
    await q.query(`DROP INDEX disclosures_log_seq_idx`);
    await q.query(`ALTER TABLE disclosures DROP COLUMN justification_nonce`);
    for (const c of ['justification_commitment', 'legal_reference', 'version']) await q.query(`ALTER TABLE sharing_log DROP COLUMN ${c}`);
  }
}
