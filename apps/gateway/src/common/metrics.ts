import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics: requests by route and outcome, latency histograms, process defaults. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'geres_http_requests_total',
    help: 'HTTP requests by method, route and outcome',
    labelNames: ['method', 'route', 'status', 'outcome'],
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'geres_http_request_duration_seconds',
    help: 'HTTP request latency by method and route',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'geres_' });
  }

  middleware = (req: Request, res: Response, next: NextFunction) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      // The matched route template, never the raw URL: raw URLs could carry personal data.
      const route = req.route?.path ? `${req.baseUrl ?? ''}${req.route.path}` : 'unmatched';
      const status = res.statusCode;
      const outcome = status < 400 ? 'ok' : status === 401 || status === 403 ? 'denied' : status === 404 ? 'not_found' : status < 500 ? 'client_error' : 'error';
      this.requests.inc({ method: req.method, route, status: String(status), outcome });
      this.latency.observe({ method: req.method, route }, Number(process.hrtime.bigint() - start) / 1e9);
    });
    next();
  };
}
