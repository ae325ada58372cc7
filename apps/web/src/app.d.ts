import type { User } from '@commonplace/contracts';

declare global {
  namespace App {
    interface Locals {
      user: User | null;
    }
    interface Error {
      message: string;
      code?: string;
    }
  }
}

export {};
