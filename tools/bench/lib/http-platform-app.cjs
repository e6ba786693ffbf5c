// The stand-in for the intake route, run by tools/bench/http-platform.mjs on either of Nest's HTTP
// platforms: one POST route with a guard, a validating pipe and a response header, a ~1.5 KB JSON
// body in and ~1 KB out; no database, so only the framework's per-request cost differs.
// Usage (from the folder the bench installed Nest into): node http-platform-app.cjs express|fastify <port>
require('reflect-metadata');
const { Body, Controller, Header, Module, Post, UseGuards, UsePipes } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');

class ContentTypeGuard {
  canActivate(context) {
    return Boolean(context.switchToHttp().getRequest().headers['content-type']);
  }
}

class ShapePipe {
  transform(value) {
    if (typeof value !== 'object' || value === null || !Array.isArray(value.platforms)) throw new Error('not an intake');
    return value;
  }
}

class IntakeStandIn {
  submit(body) {
    return {
      reference: 'SG-ABCD-1234',
      accessCode: 'x'.repeat(12),
      actionPlan: Array.from({ length: 8 }, (_, i) => ({ key: `step${i}`, done: false, title: `Step number ${i} of the plan` })),
      resources: body.platforms,
      country: body.country,
    };
  }
}
Reflect.decorate(
  [Post(), UseGuards(ContentTypeGuard), UsePipes(new ShapePipe()), Header('Cache-Control', 'no-store')],
  IntakeStandIn.prototype,
  'submit',
  Object.getOwnPropertyDescriptor(IntakeStandIn.prototype, 'submit'),
);
Body()(IntakeStandIn.prototype, 'submit', 0);
const Controllers = Reflect.decorate([Controller('api/intakes')], IntakeStandIn);
const AppModule = Reflect.decorate([Module({ controllers: [Controllers] })], class AppModule {});

(async () => {
  const [platform, port] = process.argv.slice(2);
  const app =
    platform === 'fastify'
      ? await NestFactory.create(AppModule, new (require('@nestjs/platform-fastify').FastifyAdapter)({ bodyLimit: 1048576 }), { logger: false })
      : await NestFactory.create(AppModule, { logger: false });
  await app.listen(Number(port), '127.0.0.1');
  process.stdout.write('ready\n');
})();
