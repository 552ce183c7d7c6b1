import type { FastifyReply } from 'fastify';
import { type Problem, instanceOf } from './problem.js';

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply
    .code(problem.status)
    .headers(problem.headers)
    .type('application/problem+json')
    .send(problem.body(instanceOf(reply.request.url)));
}
