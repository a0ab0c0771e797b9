import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, type ComponentProps } from 'react';
import { resolveRunbookLink } from '../../core/links/resolveRunbookLink';
import { readSettings } from '../../core/userdata/settings';
import { db } from '../app/database';
import { useRunbookContext } from './RunbookContext';
import { useSourceFiles } from './SourceFilesContext';
import { useNearViewport } from './useNearViewport';

/** Larger cached images are not decoded into the page: a phone could run out of memory for one picture. */
export const MAX_SHOWN_IMAGE_BYTES = 8 * 1024 * 1024;

type Props = ComponentProps<'img'> & { node?: unknown };

/**
 * An image in a runbook. Images of the source come from the offline cache (never the network); images of
 * other sites are fetched only when the user allows it in Settings, since fetching tells that site who
 * reads which runbook. Whatever is not shown says why, with the author's description.
 */
export function ContentImage({ src, alt, width, height, title }: Props) {
  const { path: fromPath, sourceId } = useRunbookContext();
  const { subdir } = useSourceFiles();
  const target = resolveRunbookLink(fromPath, typeof src === 'string' ? src : '', { subdir });
  const size = { width, height };
  if (target.kind === 'asset') return <CachedImage sourceId={sourceId} path={target.path} alt={alt} title={title} {...size} />;
  if (target.kind === 'external' && (target.scheme === 'https:' || target.scheme === 'http:')) {
    return <ExternalImage url={target.url} alt={alt} title={title} {...size} />;
  }
  const reason =
    target.kind === 'blocked' ? target.reason : target.kind === 'runbook' ? 'It points to a runbook, not an image.' : 'It is not an image.';
  return <ImageNotShown alt={alt} note="Image not shown" reason={reason} />;
}

interface ShownProps {
  alt?: string | undefined;
  title?: string | undefined;
  width?: number | string | undefined;
  height?: number | string | undefined;
}

function CachedImage({ sourceId, path, alt, ...rest }: ShownProps & { sourceId: string; path: string }) {
  // The bytes are read from the cache only when the image nears the screen: a page of many large images
  // would otherwise read them all (and hold them in memory) before anyone scrolls there.
  const [near, nearRef] = useNearViewport();
  // The cached image, else the record of the sync skipping it (over the size limit), so that it says why;
  // null: neither; undefined: not read yet.
  const found = useLiveQuery(
    async () => (near ? ((await db.assets.get([sourceId, path])) ?? (await db.skipped.get([sourceId, path])) ?? null) : undefined),
    [sourceId, path, near],
  );
  const asset = found && 'bytes' in found ? found : found === undefined ? undefined : null;
  const tooLarge = asset ? asset.bytes.byteLength > MAX_SHOWN_IMAGE_BYTES : false;
  const imageRef = useObjectUrlRef(asset && !tooLarge ? asset : undefined);
  if (found && !('bytes' in found)) return <ImageNotShown alt={alt} note="Image skipped at sync" reason={`${path}: ${found.message}`} />;
  if (asset === null)
    return <ImageNotShown alt={alt} note="Image not in the offline copy" reason={`${path} was not synced with this source.`} />;
  if (tooLarge) {
    return (
      <ImageNotShown alt={alt} note="Image too large to show" reason={`${path} is ${Math.round(asset!.bytes.byteLength / 1048576)} MB.`} />
    );
  }
  if (!asset) {
    return (
      <span ref={nearRef} className="rr-image-loading" role="img" aria-label={`${alt || 'Image'} (loading)`}>
        {alt ? <span className="rr-image-alt">{alt}</span> : null}
      </span>
    );
  }
  return <img ref={imageRef} className="rr-image" alt={alt ?? ''} loading="lazy" decoding="async" {...rest} />;
}

/**
 * Points the image at an object URL for the cached bytes while it is on the page, and revokes the URL when the
 * image goes or its bytes change (a ref with cleanup: no state, so no extra render).
 */
function useObjectUrlRef(asset: { bytes: Uint8Array; mime: string } | undefined) {
  return useCallback(
    (image: HTMLImageElement | null) => {
      if (!image || !asset) return undefined;
      const url = URL.createObjectURL(new Blob([asset.bytes as Uint8Array<ArrayBuffer>], { type: asset.mime }));
      image.src = url;
      return () => URL.revokeObjectURL(url);
    },
    [asset],
  );
}

function ExternalImage({ url, alt, ...rest }: ShownProps & { url: string }) {
  const allowed = useLiveQuery(async () => (await readSettings(db)).loadExternalImages, []);
  if (allowed === undefined) return <span className="rr-image-loading" role="img" aria-label={`${alt || 'Image'} (loading)`} />;
  if (!allowed) {
    return (
      <ImageNotShown
        alt={alt}
        note="External image not loaded (Settings → Privacy)"
        reason={`From ${hostOf(url)}; loading it would tell that site you read this runbook.`}
      />
    );
  }
  return <img className="rr-image" src={url} alt={alt ?? ''} loading="lazy" decoding="async" referrerPolicy="no-referrer" {...rest} />;
}

function ImageNotShown({ alt, note, reason }: { alt?: string | undefined; note: string; reason: string }) {
  return (
    // The reason is written out, not only in a tooltip: a phone has no hover.
    <span className="rr-image-missing" role="img" aria-label={alt ? `Image: ${alt}. ${note}. ${reason}` : `${note}. ${reason}`}>
      {alt ? <span className="rr-image-alt">{alt}</span> : null}
      <span className="rr-image-note">{note}</span>
      <span className="rr-image-reason">{reason}</span>
    </span>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'another site';
  }
}
