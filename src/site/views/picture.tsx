import { BODY_IMAGE_SIZES } from '../../content/body-html.js';
import { type MediaImage, srcsetOf } from '../../media/index.js';

export interface PictureProps {
  image: MediaImage;
  /** the `sizes` attribute: how wide the image is drawn at each viewport width */
  sizes?: string;
  /** the page's first, largest image (the LCP): loaded at once, with high priority */
  isLead?: boolean;
  /** overrides the media library's alt text; "" marks a decorative copy */
  alt?: string;
}

/**
 * The same markup prepareBody gives body images (src/content/body-html.ts), so featured
 * and body images load and look alike: a WebP source and a JPEG fallback at each width.
 */
export function Picture({ image, sizes = BODY_IMAGE_SIZES, isLead = false, alt }: PictureProps) {
  const jpeg = srcsetOf(image, 'jpeg');
  const webp = srcsetOf(image, 'webp');
  const img = (
    <img
      src={image.url}
      srcset={jpeg || undefined}
      sizes={jpeg ? sizes : undefined}
      width={image.width}
      height={image.height}
      alt={alt ?? image.alt}
      loading={isLead ? 'eager' : 'lazy'}
      decoding={isLead ? undefined : 'async'}
      fetchpriority={isLead ? 'high' : undefined}
    />
  );
  if (!webp) return img;
  return (
    <picture>
      <source type="image/webp" srcset={webp} sizes={sizes} />
      {img}
    </picture>
  );
}

/** An image with its caption and credit, as in stored bodies: `<small class="credit">`. */
export function Figure({ image, class: className, ...rest }: PictureProps & { class?: string }) {
  const hasCaption = Boolean(image.caption || image.credit);
  return (
    <figure class={className}>
      <Picture image={image} {...rest} />
      {hasCaption && (
        <figcaption>
          {image.caption}
          {image.caption && image.credit && ' '}
          {image.credit && <small class="credit">{image.credit}</small>}
        </figcaption>
      )}
    </figure>
  );
}
