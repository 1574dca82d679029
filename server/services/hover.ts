// Hover: what the proxy setting under the cursor means to the clients that
// read it. Passwords are masked in everything shown.
import type { ProxyModel, Span } from '../engine/model';
import { maskSecrets } from '../proxy/url';
import { isProxyUrlSetting } from '../proxy/variables';
import { assignmentAt } from './assignmentAt';
import { noProxyHover } from './hover/noProxyHover';
import { proxyUrlHover } from './hover/proxyUrlHover';
import { variableHover } from './hover/variableHover';

export interface HoverContent {
  markdown: string;
  span: Span;
}

export function hoverAt(model: ProxyModel, offset: number): HoverContent | null {
  const hit = assignmentAt(model, offset);
  if (!hit || !hit.assignment.setting) return null;
  const { assignment, scopes, part } = hit;
  let found: HoverContent | null = null;
  if (part === 'name') found = withSpan(variableHover(model.kind, assignment, scopes), assignment.nameSpan);
  else if (assignment.value !== null && isProxyUrlSetting(assignment.setting)) found = withSpan(proxyUrlHover(model.kind, assignment.value), assignment.valueSpan);
  else if (assignment.setting === 'no_proxy') found = noProxyHover(model.kind, assignment, scopes[0].consumer, offset);
  if (!found) return null;
  // The last line of defence: any URL that slipped into the text loses its password.
  return { markdown: maskSecrets(found.markdown), span: found.span };
}

function withSpan(markdown: string | null, span: Span): HoverContent | null {
  return markdown === null ? null : { markdown, span };
}
