import { applyDecorators, CallHandler, ExecutionContext, HttpException, Injectable, Logger, NestInterceptor, UseInterceptors } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { catchError, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { AuthenticatedRequest } from '../auth/staff-principal';
import { recordAudit } from '../audit/audit.repository';
import { errorMessage } from '@sg/domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The refusals that are a denied read of a case: not allowed to open it (403), or no such case (404). */
const DENIED = new Set([403, 404]);

/**
 * Audits the refused reads of a case (`case.read_denied`): who tried, which case (the id asked
 * for, when it is one), the answer and the route, never anything the case holds. A caseworker
 * opening a colleague's case, or walking through case ids, leaves a trail a supervisor can read
 * (`GET /api/cases/:id/audit`). Allowed reads are audited by their services, in their
 * transactions; a refusal rolls those back, so it is written here, after the answer is decided.
 */
@Injectable()
export class DeniedCaseReadAudit implements NestInterceptor {
  private readonly logger = new Logger('Audit');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError(async (error: unknown) => {
        const status = error instanceof HttpException ? error.getStatus() : undefined;
        const request = context.switchToHttp().getRequest<AuthenticatedRequest & { params?: Record<string, string>; route?: { path?: string } }>();
        if (status !== undefined && DENIED.has(status) && request.staff)
          await this.record(request.staff.id, request.params?.['id'], status, request.route?.path);
        throw error;
      }),
    );
  }

  private async record(actorId: string, id: string | undefined, status: number, route: string | undefined): Promise<void> {
    try {
      await recordAudit(this.dataSource.manager, {
        actorId,
        action: 'case.read_denied',
        caseId: id !== undefined && UUID.test(id) ? id : null,
        after: { status, route: route ?? null },
      });
    } catch (error) {
      // Nothing was shown; the refusal still stands, and the operator hears that the trail has a gap.
      this.logger.error(`A denied case read could not be audited: ${errorMessage(error)}`);
    }
  }
}

/** Marks a staff read of one case (`:id`): its refusals are audited (see DeniedCaseReadAudit). */
export const AuditDeniedCaseReads = () => applyDecorators(UseInterceptors(DeniedCaseReadAudit));
