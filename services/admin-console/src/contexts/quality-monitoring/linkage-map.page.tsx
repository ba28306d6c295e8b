import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { QualityLinkageMap, QualityLinkageNode } from '@sfp/contracts';
import { Empty, QueryState } from '../../components/feedback';
import { formatPercent } from '../../components/format';
import { ListTable } from '../../components/table';
import { href } from '../../routing/paths';
import { QualityCsvButton } from './quality-csv-button';
import { TOOL_KIND_LABELS } from './quality-labels';
import { qualityQueries } from './quality.api';

const ROW = 40;
const TOP = 28;
const WIDTH = 640;
const LEFT = 8;
const RIGHT = WIDTH - 8;
const BOX = 240;

const short = (text: string, max = 38) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The accepted links as a graph: proposals on the left, the unit's tools on the right. */
export function LinkageMapPage() {
  const map = useQuery(qualityQueries.report<QualityLinkageMap>('linkage-map'));
  return (
    <main id="main">
      <div className="title-row">
        <h1>Linkage map</h1>
        <QualityCsvButton list="reports/linkage-map" filters={{}} />
      </div>
      <p className="sub">
        The links reviewers accepted between proposals and the unit’s other tools.
      </p>
      <QueryState query={map} what="Loading the linkage map" />
      {map.data && map.data.edges.length === 0 ? <Empty>No link accepted yet.</Empty> : null}
      {map.data?.edges.length ? <LinkageGraph map={map.data} /> : null}
    </main>
  );
}

function LinkageGraph({ map }: { map: QualityLinkageMap }) {
  const proposals = map.nodes.filter((n) => n.type === 'proposal');
  const tools = map.nodes.filter((n) => n.type === 'tool');
  const rows = Math.max(proposals.length, tools.length, 1);
  const height = TOP + rows * ROW + 8;
  const yOf = (list: QualityLinkageNode[], id: string) => {
    const index = list.findIndex((n) => n.id === id);
    // Spread the shorter column over the height of the longer.
    return TOP + ((index + 0.5) * (height - TOP - 8)) / Math.max(1, list.length);
  };
  const nameOf = (id: string) => map.nodes.find((n) => n.id === id)?.label ?? id;
  const description = map.edges
    .map((e) => `${nameOf(e.proposalId)} to ${nameOf(e.toolRef)} (${formatPercent(e.score, 0)})`)
    .join('; ');
  return (
    <>
      <figure className="chart">
        <figcaption>Proposals and the tools they are linked to</figcaption>
        <svg
          viewBox={`0 0 ${WIDTH} ${height}`}
          width="100%"
          role="img"
          aria-label={`Linkage map: ${description}`}
        >
          <text x={LEFT} y={16} className="chart-label">
            Proposals
          </text>
          <text x={RIGHT - BOX} y={16} className="chart-label">
            Tools
          </text>
          {map.edges.map((e) => (
            <line
              key={`${e.proposalId}-${e.toolRef}`}
              x1={LEFT + BOX}
              y1={yOf(proposals, e.proposalId)}
              x2={RIGHT - BOX}
              y2={yOf(tools, e.toolRef)}
              stroke="#2e6fb7"
              strokeOpacity={0.6}
              strokeWidth={1 + 3 * e.score}
            >
              <title>{`${nameOf(e.proposalId)} → ${nameOf(e.toolRef)}: ${e.reason} (${formatPercent(e.score, 0)})`}</title>
            </line>
          ))}
          {proposals.map((n) => (
            <g key={n.id} data-node={n.id}>
              <rect
                x={LEFT}
                y={yOf(proposals, n.id) - 12}
                width={BOX}
                height={24}
                rx={4}
                className="chart-bar"
                opacity={0.25}
              />
              <text x={LEFT + 8} y={yOf(proposals, n.id) + 4} className="chart-label">
                {short(n.label)}
              </text>
            </g>
          ))}
          {tools.map((n) => (
            <g key={n.id} data-node={n.id}>
              <rect
                x={RIGHT - BOX}
                y={yOf(tools, n.id) - 12}
                width={BOX}
                height={24}
                rx={4}
                className="chart-bar"
                opacity={0.15}
              />
              <text x={RIGHT - BOX + 8} y={yOf(tools, n.id) + 4} className="chart-label">
                {short(`${n.kind ? `${TOOL_KIND_LABELS[n.kind]}: ` : ''}${n.label}`)}
              </text>
            </g>
          ))}
        </svg>
      </figure>
      <ListTable label="Links" columns={['Proposal', 'Tool', 'Score', 'Why']}>
        {map.edges.map((e) => {
          const tool = map.nodes.find((n) => n.id === e.toolRef);
          return (
            <tr key={`${e.proposalId}-${e.toolRef}`}>
              <td>
                <Link to={href('qualityProposal', { proposalId: e.proposalId })}>
                  {nameOf(e.proposalId)}
                </Link>
              </td>
              <td>
                {tool?.label ?? e.toolRef}
                {tool?.kind ? <div className="sub">{TOOL_KIND_LABELS[tool.kind]}</div> : null}
              </td>
              <td>{formatPercent(e.score, 0)}</td>
              <td>{e.reason}</td>
            </tr>
          );
        })}
      </ListTable>
    </>
  );
}
