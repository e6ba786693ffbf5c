import { IdentifierKind } from '@sg/domain/identifiers';
import { EntityManager } from 'typeorm';
import { CaseEventActor } from '../case-core/case-children.entity';

/** A secret identifier of a case: its keyed hash (what the index holds as `value`) and its sealed text. */
export interface SealedIdentifierRow {
  kind: IdentifierKind;
  value: string;
  value_sealed: Buffer;
}

/** A timeline entry as the packet writes it, with the name of the member of staff who made it. */
export interface PacketTimelineRow {
  at: Date;
  actor_kind: CaseEventActor;
  kind: string;
  data: Record<string, unknown>;
  /** The entry's free text, sealed (SEAL_CONTEXT.timeline): opened into `data` before summarising. */
  sealed: Buffer | null;
  actor_name: string | null;
}

/** The longest timeline a packet prints: beyond it the packet says how many earlier entries it left out. */
export const PACKET_TIMELINE_LIMIT = 2000;

/** The packet's own reads; the rest comes from the case, identifier, takedown and report repositories. */
export const referralPacketRepository = {
  /** The case's secret identifiers, to open for the packet (the case page shows them masked). */
  sealedIdentifiers(manager: EntityManager, caseId: string): Promise<SealedIdentifierRow[]> {
    return manager.query<SealedIdentifierRow[]>(
      `SELECT DISTINCT ON (kind, value) kind, value, value_sealed FROM case_identifier
        WHERE case_id = $1 AND value_sealed IS NOT NULL ORDER BY kind, value, id`,
      [caseId],
    );
  },

  /** One sealed text of a secret identifier (any case holding it), with the case it is sealed to. */
  async sealedIdentifier(manager: EntityManager, kind: IdentifierKind, value: string): Promise<{ case_id: string; value_sealed: Buffer } | null> {
    const [row] = await manager.query<Array<{ case_id: string; value_sealed: Buffer }>>(
      `SELECT case_id, value_sealed FROM case_identifier WHERE kind = $1 AND value = $2 AND value_sealed IS NOT NULL ORDER BY id LIMIT 1`,
      [kind, value],
    );
    return row ?? null;
  },

  /** The whole timeline, oldest first, up to PACKET_TIMELINE_LIMIT entries (the latest ones), and how many there are. */
  async timeline(manager: EntityManager, caseId: string): Promise<{ rows: PacketTimelineRow[]; total: number }> {
    const rows = await manager.query<Array<PacketTimelineRow & { total: number }>>(
      `SELECT * FROM (
         SELECT e.at, e.actor_kind, e.kind, e.data, e.sealed, u.display_name AS actor_name, count(*) OVER ()::int AS total, e.id
           FROM case_event e LEFT JOIN staff_user u ON u.id = e.actor_id
          WHERE e.case_id = $1 ORDER BY e.at DESC, e.id DESC LIMIT $2) t
        ORDER BY at, id`,
      [caseId, PACKET_TIMELINE_LIMIT],
    );
    return {
      rows: rows.map(({ at, actor_kind, kind, data, sealed, actor_name }) => ({ at, actor_kind, kind, data, sealed, actor_name })),
      total: rows[0]?.total ?? 0,
    };
  },
};
