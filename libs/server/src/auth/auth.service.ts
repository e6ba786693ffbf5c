import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { verify } from 'argon2';
import { DataSource } from 'typeorm';
import { StaffPrincipal } from './staff-principal';

export interface LoginResult {
  accessToken: string;
  user: StaffPrincipal;
}

/** A hash of a random password: verified when the email is unknown, so timing reveals nothing. */
const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$W7qlmfF/eHJ8b1wC3pPo5g$IXztferTj4xu1z2ke1tUEuVZWzZDO2rSrr7WlnUdUe4';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
  ) {}

  async login(email: string, password: string): Promise<LoginResult> {
    const [row] = await this.dataSource.query(
      `SELECT id, email, display_name AS "displayName", role, password_hash AS "passwordHash"
         FROM staff_user WHERE email = $1 AND active`,
      [email.trim().toLowerCase()],
    );
    const valid = await verify(row?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
    if (!row || !valid) throw new UnauthorizedException('Email or password is not right');
    const user: StaffPrincipal = { id: row.id, email: row.email, displayName: row.displayName, role: row.role };
    const accessToken = await this.jwt.signAsync({ sub: user.id, email: user.email, name: user.displayName, role: user.role });
    return { accessToken, user };
  }
}
