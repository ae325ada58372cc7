import {
  applyDecorators,
  createParamDecorator,
  HttpCode,
  RequestMapping,
  RequestMethod,
  SetMetadata,
  type ExecutionContext,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { routes, type RouteContract, type RouteName } from '@commonplace/contracts';
import { AppError } from './app-error.js';
import type { Viewer } from '../access/policies.js';
import type { AuthState, SessionUser } from './request-auth.js';
import { validate } from './validate.js';

export const ROUTE_NAME = 'commonplace:route';

/** Maps a handler onto its entry in the contracts' route table: method, path, status and access. */
export function Route(name: RouteName): MethodDecorator {
  const route = routes[name];
  return applyDecorators(
    RequestMapping({ path: route.path, method: RequestMethod[route.method] }),
    HttpCode(route.status),
    SetMetadata(ROUTE_NAME, name),
  );
}

export function routeNameOf(context: ExecutionContext): RouteName | undefined {
  return Reflect.getMetadata(ROUTE_NAME, context.getHandler()) as RouteName | undefined;
}

function schemaOf(context: ExecutionContext, part: 'body' | 'query' | 'params'): Parameters<typeof validate>[0] {
  const name = routeNameOf(context);
  const schema = name ? (routes[name] as RouteContract)[part] : undefined;
  if (!schema) throw new Error(`Route ${name} declares no ${part} schema`);
  return schema;
}

/** The request body, parsed with the route's own schema from the contracts. */
export const Input = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const schema = schemaOf(context, 'body');
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  // Multipart is accepted by the server for uploads only; elsewhere it is not JSON.
  if (request.isMultipart?.()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  return validate(schema, request.body);
});

/** The query string, parsed with the route's own query schema from the contracts. */
export const QueryInput = createParamDecorator((_: unknown, context: ExecutionContext) =>
  validate(schemaOf(context, 'query'), context.switchToHttp().getRequest<FastifyRequest>().query),
);

/**
 * The path's ids, parsed with the route's params schema (type them as `ParamsOf<'routeName'>`).
 * The guard has already answered a malformed one with its 404.
 */
export const PathParams = createParamDecorator((_: unknown, context: ExecutionContext) =>
  validate(schemaOf(context, 'params'), context.switchToHttp().getRequest<FastifyRequest>().params),
);

function authOf(context: ExecutionContext): AuthState {
  return context.switchToHttp().getRequest<FastifyRequest>().auth ?? {};
}

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): SessionUser => {
  const user = authOf(context).user;
  if (!user) throw new AppError('UNAUTHENTICATED');
  return user;
});

export const Membership = createParamDecorator((_: unknown, context: ExecutionContext): Viewer => {
  const membership = authOf(context).membership;
  if (!membership) throw new AppError('COURSE_NOT_FOUND');
  return membership;
});
