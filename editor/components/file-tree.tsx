/** The rules folder: rulesets and their versions, with status and effective date. */
import type { TreeNode } from '../file-api.js';
import type { FileSummary } from '../worker/protocol.js';
import { count } from './plural.js';

interface Props {
  readonly tree: TreeNode | undefined;
  readonly summaries: ReadonlyMap<string, FileSummary>;
  readonly open: string | undefined;
  readonly dirty: ReadonlySet<string>;
  readonly onOpen: (path: string) => void;
}

function FileRow({ node, props }: { node: TreeNode & { soort: 'bestand' }; props: Props }) {
  const s = props.summaries.get(node.pad);
  const title = s?.version !== undefined ? `Versie ${s.version}` : node.naam;
  return (
    <li>
      <button
        type="button"
        className={`tree-file${props.open === node.pad ? ' open' : ''}`}
        onClick={() => props.onOpen(node.pad)}
        data-pad={node.pad}
        title={node.pad}
      >
        <span className="tree-name">
          {title}
          {s?.municipality !== undefined ? ` · ${s.municipality.replace(/_/g, ' ')}` : ''}
          {props.dirty.has(node.pad) ? ' •' : ''}
        </span>
        <span className="tree-meta">
          {s?.status !== undefined && <span className={`badge ${s.status}`}>{s.status}</span>}
          {s?.validFrom !== undefined && <span>vanaf {s.validFrom}</span>}
          {s !== undefined && s.errors > 0 && (
            <span className="badge fout">{count(s.errors, 'fout', 'fouten')}</span>
          )}
          {s?.version === undefined && <span>{node.naam}</span>}
        </span>
      </button>
    </li>
  );
}

function Dir({ node, props, depth }: { node: TreeNode; props: Props; depth: number }) {
  if (node.soort === 'bestand') return <FileRow node={node} props={props} />;
  const rulesets = new Set(
    node.kinderen
      .flatMap((k) => (k.soort === 'bestand' ? [props.summaries.get(k.pad)?.ruleset] : []))
      .filter((r): r is string => r !== undefined),
  );
  const label =
    depth === 0 ? 'Regels' : rulesets.size === 1 ? `${[...rulesets][0] ?? ''} (${node.naam})` : node.naam;
  return (
    <li>
      <div className="tree-dir">{label}</div>
      <ul>
        {node.kinderen.map((k) => (
          <Dir key={k.pad} node={k} props={props} depth={depth + 1} />
        ))}
      </ul>
    </li>
  );
}

export function FileTree(props: Props) {
  return (
    <nav className="file-tree" aria-label="Regelsets en versies">
      {props.tree === undefined ? (
        <p className="muted">Laden…</p>
      ) : (
        <ul>
          <Dir node={props.tree} props={props} depth={0} />
        </ul>
      )}
    </nav>
  );
}
