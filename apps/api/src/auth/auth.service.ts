import { Inject, Injectable } from '@nestjs/common';
import type { LoginRequest, SignupRequest, User } from '@commonplace/contracts';
import { hashPassword, PrismaClient, verifyPassword } from '@commonplace/db';
import { AppError } from '../common/app-error.js';
import { isUniqueViolation } from '../common/unique-violation.js';
import { LoginThrottle } from './login-throttle.js';
import { assertAcceptablePassword } from './password-policy.js';
import { RateLimited } from './rate-limited.js';

// Verified against when the email is unknown, so both answers take the same time.
const DUMMY_HASH = hashPassword('commonplace-timing-equaliser');

@Injectable()
export class AuthService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(LoginThrottle) private readonly throttle: LoginThrottle,
  ) {}

  async signup(input: SignupRequest): Promise<User> {
    assertAcceptablePassword(input.password, input.email);
    // Hashed before looking the email up, so a taken email is refused no faster than a new one
    // is created: the timing tells no one who has an account.
    const passwordHash = await hashPassword(input.password);
    if (await this.prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError('EMAIL_TAKEN', undefined, { email: 'An account with that email already exists.' });
    }
    try {
      return await this.prisma.user.create({
        data: { email: input.email, name: input.name, passwordHash },
        select: { id: true, email: true, name: true },
      });
    } catch (error) {
      // Two signups racing for one email: the unique index decides.
      if (isUniqueViolation(error)) throw new AppError('EMAIL_TAKEN');
      throw error;
    }
  }

  async login(input: LoginRequest, address: string): Promise<User> {
    const waitMs = await this.throttle.waitMs(address, input.email);
    if (waitMs > 0) throw new RateLimited(waitMs);
    const user = await this.prisma.user.findUnique({ where: { email: input.email } });
    const ok = await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH), input.password);
    if (!user || !ok) {
      await this.throttle.recordFailure(address, input.email);
      throw new AppError('INVALID_CREDENTIALS');
    }
    await this.throttle.clear(address, input.email);
    return { id: user.id, email: user.email, name: user.name };
  }
}
