/** The other names a subject goes by: "NLF · NLA · ANL · The Northern Front". */
export function Tagline({ names }: { names: string[] }) {
  if (names.length === 0) return null;
  return <p class="tagline">{names.join(' · ')}</p>;
}
