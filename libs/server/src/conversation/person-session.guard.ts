import { CanActivate, ExecutionContext, Injectable, UnauthorizedException, createParamDecorator } from '@nestjs/common';
import { CASE_SESSION_HEADER } from '@sg/contracts';
import { AccessSessionRow } from './case-access-session.repository';
import { PersonSessionService, SESSION_ENDED } from './person-session.service';

interface PersonRequest {
  headers: Record<string, string | string[] | undefined>;
  caseSession?: AccessSessionRow & { token: string };
}

/** Lets a request in only with a live conversation session (the `X-Case-Session` header). */
@Injectable()
export class PersonSessionGuard implements CanActivate {
  constructor(private readonly sessions: PersonSessionService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<PersonRequest>();
    const header = request.headers[CASE_SESSION_HEADER.toLowerCase()];
    const token = Array.isArray(header) ? header[0] : header;
    if (!token) throw new UnauthorizedException(SESSION_ENDED);
    request.caseSession = { ...(await this.sessions.resolve(token)), token };
    return true;
  }
}

/** The session PersonSessionGuard let in. */
export const CaseSession = createParamDecorator((_data: unknown, context: ExecutionContext): AccessSessionRow & { token: string } => {
  const session = context.switchToHttp().getRequest<PersonRequest>().caseSession;
  if (!session) throw new UnauthorizedException(SESSION_ENDED);
  return session;
});
