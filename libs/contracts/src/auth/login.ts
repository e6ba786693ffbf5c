import * as z from 'zod';

/** `POST /api/auth/login` */
export const loginRequestSchema = z.strictObject({
  email: z.string({ error: () => 'is required' }).trim().min(3, 'is required').max(320),
  password: z.string({ error: () => 'is required' }).min(1, 'is required').max(1024),
});
export type LoginRequest = z.input<typeof loginRequestSchema>;

export interface StaffUserView {
  id: string;
  email: string;
  displayName: string;
  role: 'caseworker' | 'supervisor' | 'admin';
}

export interface LoginResponse {
  accessToken: string;
  user: StaffUserView;
}

