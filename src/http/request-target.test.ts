import { describe, expect, it } from 'vitest';
import { parseRequestTarget } from './request-target.js';

describe('parseRequestTarget: one spelling per public URL', () => {
  it.each([
    ['/', '/'],
    ['/issues/water-and-climate/', '/issues/water-and-climate/'],
    ['/issues/?page=2', '/issues/?page=2'],
    ['/issues/?utm_source=mail&page=2&fbclid=x', '/issues/?page=2'],
    ['/issues/?utm_source=mail', '/issues/'],
    ['/robots.txt', '/robots.txt'],
    ['/sitemap-articles-3.xml', '/sitemap-articles-3.xml'],
  ])('%s is canonical, cached under %s', (raw, key) => {
    expect(parseRequestTarget(raw)).toEqual({ kind: 'page', key });
  });

  it.each([
    ['/issues/%77ater-and-climate/', '/issues/water-and-climate/'],
    ['/issues/%57ATER-and-climate/', '/issues/water-and-climate/'],
    ['/%69ssues/water-and-climate/', '/issues/water-and-climate/'],
    ['/Issues/Water-And-Climate/', '/issues/water-and-climate/'],
    ['/issues/water-and-climate', '/issues/water-and-climate/'],
    ['/issues//water-and-climate/', '/issues/water-and-climate/'],
    ['/issues/water-and-climate//', '/issues/water-and-climate/'],
    ['/issues/?page=02', '/issues/?page=2'],
    ['/issues/?page=%32', '/issues/?page=2'],
    ['/issues/?%70age=2', '/issues/?page=2'],
    ['/issues/?page=2&page=3', '/issues/?page=2'],
    ['/issues/?page=1', '/issues/'],
    ['/issues/?page=', '/issues/'],
    ['/issues/?page', '/issues/'],
    ['/Issues/?page=abc', '/issues/?page=abc'],
    ['/Robots.txt/', '/Robots.txt'],
  ])('%s answers 301 to %s', (raw, location) => {
    expect(parseRequestTarget(raw)).toEqual({ kind: 'redirect', location });
  });

  it.each([
    '//evil.test/',
    '//evil.test',
    '/\\evil.test/',
    '/issues\\water/',
    '/%2F%2Fevil.test/',
    '/issues%2Fwater/',
    '/issues/%5Cwater/',
    '/issues/../admin/',
    '/issues/%2e%2e/admin/',
    '/./issues/',
    '/issues/wat%00er/',
    '/issues/wat%0Aer/',
    '/issues/water and climate/',
    '/issues/caf%C3%A9/',
    `/${'x'.repeat(3000)}/`.slice(0, 2100),
  ])('%s is no page: 404', (raw) => {
    expect(parseRequestTarget(raw)).toEqual({ kind: 'not-found' });
  });

  it.each(['/assets/%', '/assets/%ff', '/search?q=%ff', '/search?q=%', '/search/suggest?q=%E0%A4%A', '/%', '/issues/%zz/', '/issues/%E0%A4%A/', '/issues/?utm_source=%', '/admin/%ff', '/media/%c0%af'])(
    '%s has malformed percent-encoding: 400',
    (raw) => {
      expect(parseRequestTarget(raw)).toEqual({ kind: 'bad-request', reason: 'malformed percent-encoding' });
    },
  );

  it.each(['http://evil.test/', '*', 'issues/'])('%s is not a path: 400', (raw) => {
    expect(parseRequestTarget(raw).kind).toBe('bad-request');
  });

  it.each(['/assets/site.css?v=abc', '/media/01J/photo-640.webp', '/admin', '/admin/articles?page=02', '/issues/?page=abc', '/issues/?page=0', '/issues/?page=1000000', '/comments/unsubscribe?token=abc.def', '/search', '/search?q=nlf', '/search?q=nlf&page=2', '/search/suggest?q=nl', `/search?q=${'x'.repeat(10_000)}`])(
    '%s is routed as sent and never cached',
    (raw) => {
      expect(parseRequestTarget(raw)).toEqual({ kind: 'pass' });
    },
  );
});
