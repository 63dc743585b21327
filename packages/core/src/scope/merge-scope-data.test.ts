import { describe, expect, it } from 'vitest';
import type { EventProcessor, ScopeData } from '../types';
import { mergeScopeData } from './merge-scope-data';
import { Scope } from './scope';

describe('mergeScopeData', () => {
  it('lets the source win for keys and appends lists in order', () => {
    const first: EventProcessor = (e) => e;
    const second: EventProcessor = (e) => e;
    const target = new Scope()
      .setTags({ a: 'target', t: '1' })
      .setExtra('x', 1)
      .setUser({ id: 't', email: 't@example.com' })
      .setContext('app', { name: 'target' })
      .addBreadcrumb({ message: 'target' })
      .addAttachment({ filename: 't', data: '' })
      .addEventProcessor(first)
      .setSDKProcessingMetadata({ t: 1 })
      .getScopeData();
    const source = new Scope()
      .setTags({ a: 'source' })
      .setExtra('y', 2)
      .setUser({ id: 's' })
      .setContext('os', { name: 'Linux' })
      .addBreadcrumb({ message: 'source' })
      .addAttachment({ filename: 's', data: '' })
      .addEventProcessor(second)
      .setSDKProcessingMetadata({ s: 1 })
      .getScopeData();
    mergeScopeData(target, source);
    expect(target.tags).toEqual({ a: 'source', t: '1' });
    expect(target.extra).toEqual({ x: 1, y: 2 });
    expect(target.user).toEqual({ id: 's', email: 't@example.com' });
    expect(target.contexts).toEqual({ app: { name: 'target' }, os: { name: 'Linux' } });
    expect(target.breadcrumbs.map((b) => b.message)).toEqual(['target', 'source']);
    expect(target.attachments.map((a) => a.filename)).toEqual(['t', 's']);
    expect(target.eventProcessors).toEqual([first, second]);
    expect(target.sdkProcessingMetadata).toEqual({ t: 1, s: 1 });
    expect(target.propagationContext).toEqual(source.propagationContext);
  });

  it('keeps level, fingerprint and transaction name of the target unless the source sets them', () => {
    const target = new Scope()
      .setLevel('error')
      .setFingerprint(['t'])
      .setTransactionName('t', 'route')
      .getScopeData();
    mergeScopeData(target, new Scope().getScopeData());
    expect([target.level, target.fingerprint, target.transactionName, target.transactionSource]).toEqual([
      'error',
      ['t'],
      't',
      'route',
    ]);
    mergeScopeData(
      target,
      new Scope().setLevel('debug').setFingerprint(['s']).setTransactionName('s').getScopeData(),
    );
    expect([target.level, target.fingerprint, target.transactionName, target.transactionSource]).toEqual([
      'debug',
      ['s'],
      's',
      undefined,
    ]);
  });

  it('never changes the containers it was given', () => {
    const targetScope = new Scope().setTag('a', '1').addBreadcrumb({ message: 'a' });
    const target: ScopeData = targetScope.getScopeData();
    const tags = target.tags;
    const breadcrumbs = target.breadcrumbs;
    mergeScopeData(target, new Scope().setTag('b', '2').addBreadcrumb({ message: 'b' }).getScopeData());
    expect(tags).toEqual({ a: '1' });
    expect(breadcrumbs).toHaveLength(1);
  });
});
