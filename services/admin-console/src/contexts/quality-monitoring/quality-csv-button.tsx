// "Download CSV" of the review queue or a report: the same list, with the filters shown, as the API's CSV.
import { useCommand } from '../../api/query';
import { downloadText, today } from '../../components/download';
import { ErrorMessage } from '../../components/feedback';
import { qualityCsv } from './quality.api';

export function QualityCsvButton(props: {
  list: Parameters<typeof qualityCsv>[0];
  filters: object;
  label?: string;
}) {
  const download = useCommand(
    async () =>
      downloadText(
        await qualityCsv(props.list, props.filters),
        `quality-${props.list.replace('/', '-')}-${today()}.csv`,
        'text/csv',
      ),
    { invalidates: [] },
  );
  return (
    <>
      <button type="button" onClick={() => download.run()} disabled={download.busy}>
        {props.label ?? 'Download CSV'}
      </button>
      <ErrorMessage error={download.error} title="The CSV export failed." />
    </>
  );
}
