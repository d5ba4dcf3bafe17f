/** The document schema: exactly the stored body subset of docs/body-html.md. */
import type { Extensions } from '@tiptap/core';
import { BlockWhitespace } from './attributes.js';
import { Blockquote, BulletList, Citation, Doc, HardBreak, Heading, HorizontalRule, ListItem, OrderedList, Paragraph, Text } from './blocks.js';
import { HtmlBlock, LinkCard } from './embeds.js';
import { CaptionText, Credit, Figcaption, Figure, Gallery, Image } from './figures.js';
import { MARKS } from './marks.js';

export const BODY_EXTENSIONS: Extensions = [
  Doc, Text, Paragraph, Heading, Blockquote, Citation, BulletList, OrderedList, ListItem, HorizontalRule, HardBreak,
  Figure, Image, Figcaption, CaptionText, Credit, Gallery, LinkCard, HtmlBlock, BlockWhitespace, ...MARKS,
];
