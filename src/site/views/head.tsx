import { documentTitle, type PageMeta } from '../meta/page-meta.js';
import { type SiteChrome, FAVICON_ICO_URL, FAVICON_URL } from './chrome.js';
import { JsonLd } from './json-ld.js';
import { TrustedHtml } from './trusted-html.js';

/** The document head: title, description, canonical, social cards, feeds, JSON-LD. */
export function Head({ chrome, meta }: { chrome: SiteChrome; meta: PageMeta }) {
  const { settings } = chrome;
  const title = documentTitle(meta, settings.title);
  const image = meta.image;
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      <meta name="description" content={meta.description} />
      {meta.canonical && <link rel="canonical" href={meta.canonical} />}
      {meta.robots && <meta name="robots" content={meta.robots} />}
      {chrome.assets.fonts.map((href) => (
        <link rel="preload" href={href} as="font" type="font/woff2" crossorigin="anonymous" />
      ))}
      <style>
        <TrustedHtml html={chrome.assets.inlineStyle} />
      </style>
      <link rel="icon" href={FAVICON_ICO_URL} sizes="32x32" />
      <link rel="icon" href={FAVICON_URL} type="image/svg+xml" />
      <meta name="color-scheme" content="light dark" />
      <meta name="theme-color" content="#fbfaf7" media="(prefers-color-scheme: light)" />
      <meta name="theme-color" content="#17181a" media="(prefers-color-scheme: dark)" />
      <meta property="og:site_name" content={settings.title} />
      <meta property="og:locale" content={settings.language.replace('-', '_')} />
      <meta property="og:type" content={meta.type} />
      <meta property="og:title" content={meta.title} />
      <meta property="og:description" content={meta.description} />
      {meta.canonical && <meta property="og:url" content={meta.canonical} />}
      {image && <meta property="og:image" content={image.url} />}
      {image && <meta property="og:image:width" content={String(image.width)} />}
      {image && <meta property="og:image:height" content={String(image.height)} />}
      {image?.alt && <meta property="og:image:alt" content={image.alt} />}
      {meta.article && <ArticleFacts facts={meta.article} />}
      <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={meta.title} />
      <meta name="twitter:description" content={meta.description} />
      {image && <meta name="twitter:image" content={image.url} />}
      {image?.alt && <meta name="twitter:image:alt" content={image.alt} />}
      {meta.feeds.map((feed) => (
        <link rel="alternate" type={feed.type} title={feed.title} href={feed.url} />
      ))}
      {meta.jsonLd.map((data) => (
        <JsonLd data={data} />
      ))}
    </head>
  );
}

function ArticleFacts({ facts }: { facts: NonNullable<PageMeta['article']> }) {
  return (
    <>
      <meta property="article:published_time" content={facts.publishedTime} />
      <meta property="article:modified_time" content={facts.modifiedTime} />
      {facts.authors.map((url) => (
        <meta property="article:author" content={url} />
      ))}
      <meta property="article:section" content={facts.section} />
      {facts.tags.map((tag) => (
        <meta property="article:tag" content={tag} />
      ))}
    </>
  );
}
