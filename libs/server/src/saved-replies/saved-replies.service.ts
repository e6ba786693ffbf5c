import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SavedReply, savedReplyLanguagesFallingBack } from '@sg/contracts';
import { savedReplyChangeSchema, savedReplyInputSchema } from '@sg/contracts/schemas';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit';
import { StaffPrincipal } from '../auth/staff-principal';
import { SavedReplyViewRow, savedReplyRepository } from './saved-reply.repository';

const view = (row: SavedReplyViewRow): SavedReply => ({
  id: row.id,
  title: row.title,
  body: row.body,
  translations: row.translations,
  fallsBackToEnglish: savedReplyLanguagesFallingBack(row),
  active: row.active,
  updatedAt: new Date(row.updatedAt).toISOString(),
});

/** The team's reviewed message templates: caseworkers pick, admins write (every change audited). */
@Injectable()
export class SavedRepliesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(includeInactive: boolean): Promise<SavedReply[]> {
    return (await savedReplyRepository.list(this.dataSource.manager, includeInactive)).map(view);
  }

  async create(staff: StaffPrincipal, input: z.output<typeof savedReplyInputSchema>): Promise<SavedReply> {
    return this.dataSource.transaction(async (manager) => {
      const row = await savedReplyRepository.insert(manager, { ...input, updatedBy: staff.id });
      await recordAudit(manager, { actorId: staff.id, action: 'saved_reply.created', target: { kind: 'saved_reply', id: row.id }, after: view(row) });
      return view(row);
    });
  }

  async update(staff: StaffPrincipal, id: string, change: z.output<typeof savedReplyChangeSchema>): Promise<SavedReply> {
    return this.dataSource.transaction(async (manager) => {
      const before = await savedReplyRepository.lock(manager, id);
      if (!before) throw new NotFoundException('No saved reply with that id');
      const row = await savedReplyRepository.update(manager, id, {
        title: change.title ?? before.title,
        body: change.body ?? before.body,
        // Sent whole: the languages sent replace the stored ones (a language left out is "uses English").
        translations: change.translations ?? before.translations,
        active: change.active ?? before.active,
        updatedBy: staff.id,
      });
      await recordAudit(manager, {
        actorId: staff.id,
        action: 'saved_reply.updated',
        target: { kind: 'saved_reply', id },
        before: view(before),
        after: view(row),
      });
      return view(row);
    });
  }
}
