/** Reading text out of DOM trees as the automation protocols hand them over (WebDriver BiDi's
 *  serialised nodes, DevTools' DOM.getDocument nodes), closed shadow roots included. */

/** A node as WebDriver BiDi serialises it (script.evaluate with serializationOptions). */
export interface SerializedNode {
  type: string;
  value?: {
    nodeType: number; localName?: string; nodeValue?: string;
    children?: SerializedNode[]; shadowRoot?: SerializedNode | null;
  };
}

/** The text (outside <style>) of `host`'s shadow root; '' when it is not a host. */
export function shadowTextOfSerialized(host: SerializedNode | undefined): string {
  const root = host?.value?.shadowRoot;
  return root ? textOf(root) : '';
}

function textOf(node: SerializedNode): string {
  const value = node.value;
  if (!value) return '';
  if (value.nodeType === 3) return value.nodeValue ?? '';
  if (value.localName === 'style') return '';
  return (value.children ?? []).map(textOf).join(' ');
}

/** A node as DevTools' DOM.getDocument answers it (depth -1, pierce). */
export interface CdpNode { nodeType: number; nodeName: string; nodeValue?: string; children?: CdpNode[]; shadowRoots?: CdpNode[] }

/** The text (outside <style>) of the first shadow root of the first `tagName` (upper case)
 *  element in `root`; '' when there is none. */
export function shadowTextOfCdp(root: CdpNode, tagName: string): string {
  const shadow = findCdpNode(root, (n) => n.nodeName === tagName)?.shadowRoots?.[0];
  return shadow ? cdpTextOf(shadow) : '';
}

function findCdpNode(node: CdpNode, test: (n: CdpNode) => boolean): CdpNode | undefined {
  if (test(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findCdpNode(child, test);
    if (found) return found;
  }
  return undefined;
}

function cdpTextOf(node: CdpNode): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeName === 'STYLE') return '';
  return (node.children ?? []).map(cdpTextOf).join(' ');
}

/** Whether `url` is an extension page at `path` (chrome-extension: or moz-extension:). */
export function isExtensionFrame(url: string, path: string): boolean {
  try {
    const parsed = new URL(url);
    return /^(chrome|moz)-extension:$/.test(parsed.protocol) && parsed.pathname === path;
  } catch {
    return false;
  }
}
