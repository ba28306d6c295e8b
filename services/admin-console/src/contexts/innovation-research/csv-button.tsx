// A list's "Download CSV": the same list, with the filters shown, as the API's CSV.
import { useCommand } from '../../api/query';
import { downloadText, today } from '../../components/download';
import { ErrorMessage } from '../../components/feedback';
import { researchCsv } from './research.api';

export function CsvButton(props: {
  list: 'milestones' | 'findings' | 'cost-benefit';
  filters: object;
}) {
  const download = useCommand(
    async () =>
      downloadText(
        await researchCsv(props.list, props.filters),
        `research-${props.list}-${today()}.csv`,
        'text/csv',
      ),
    { invalidates: [] },
  );
  return (
    <>
      <button type="button" onClick={() => download.run()} disabled={download.busy}>
        Download CSV
      </button>
      <ErrorMessage error={download.error} title="The CSV export failed." />
    </>
  );
}
