import { Inject, Injectable } from '@nestjs/common';
import { brokenPasswordRules, type LoginRequest, type SignupRequest, type User } from '@commonplace/contracts';
import { hashPassword, PrismaClient, verifyPassword } from '@commonplace/db';
import { AppError } from '../common/app-error.js';
import { isUniqueViolation } from '../common/unique-violation.js';
import { LoginThrottle } from './login-throttle.js';

// Verified against when the email is unknown, so both answers take the same time.
const DUMMY_HASH = hashPassword('commonplace-timing-equaliser');

@Injectable()
export class AuthService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(LoginThrottle) private readonly throttle: LoginThrottle,
  ) {}

  async signup(input: SignupRequest): Promise<User> {
    const broken = brokenPasswordRules(input.password);
    if (broken.length) {
      throw new AppError('WEAK_PASSWORD', `The password needs ${broken.join(', ')}.`, {
        password: `Needs ${broken.join(', ')}.`,
      });
    }
    if (await this.prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError('EMAIL_TAKEN', undefined, { email: 'An account with that email already exists.' });
    }
    const passwordHash = await hashPassword(input.password);
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

  async login(input: LoginRequest, ip: string): Promise<User> {
    if (await this.throttle.isBlocked(ip, input.email)) throw new AppError('RATE_LIMITED');
    const user = await this.prisma.user.findUnique({ where: { email: input.email } });
    const ok = await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH), input.password);
    if (!user || !ok) {
      await this.throttle.recordFailure(ip, input.email);
      throw new AppError('INVALID_CREDENTIALS');
    }
    await this.throttle.clear(ip, input.email);
    return { id: user.id, email: user.email, name: user.name };
  }
}
