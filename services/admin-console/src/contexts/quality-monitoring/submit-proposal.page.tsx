import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCommand } from '../../api/query';
import { ErrorMessage, Notice } from '../../components/feedback';
import { FormFooter, FormPanel } from '../../components/form-layout';
import { useCommandForm } from '../../components/use-command-form';
import { BackLink } from '../../routing/back-link';
import { href } from '../../routing/paths';
import { ProposalFields } from './proposal-fields';
import { definitionOf, INITIAL_PROPOSAL_VALUES, valuesOf } from './proposal-values';
import { QUALITY_KEY, qualityCommands, readIatiActivity, type IatiImport } from './quality.api';

/**
 * A proposal submitted for review: typed, or read from an IATI 2.03 activity
 * file (the service parses it; the form is filled with what it carries and
 * the fields it does not carry are marked), then sent.
 */
export function SubmitProposalPage() {
  const navigate = useNavigate();
  const [imported, setImported] = useState<(IatiImport & { file: string }) | null>(null);
  const form = useCommandForm({
    initial: INITIAL_PROPOSAL_VALUES,
    send: (v) => qualityCommands.submit(definitionOf(v)),
    invalidates: [QUALITY_KEY],
    onSuccess: (result) => navigate(href('qualityProposal', { proposalId: result.proposalId })),
  });
  const read = useCommand(
    async (file: File) => ({ ...(await readIatiActivity(await file.text())), file: file.name }),
    {
      invalidates: [],
      onSuccess: (answer) => {
        setImported(answer);
        const values = valuesOf(answer.proposal);
        for (const key of Object.keys(values) as Array<keyof typeof values>)
          form.set(key, values[key]);
      },
    },
  );
  return (
    <main id="main">
      <BackLink to={href('qualityQueue')}>Review queue</BackLink>
      <h1>Submit a proposal</h1>
      <section aria-label="Import from IATI" className="panel">
        <h2>Import from IATI</h2>
        <p className="sub">
          An IATI 2.03 activity file (XML): the form below is filled with what it carries.
        </p>
        <div className="field">
          <label htmlFor="iati-file">IATI activity file</label>
          <input
            id="iati-file"
            type="file"
            accept=".xml,application/xml,text/xml"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) read.run(file);
            }}
          />
        </div>
        {read.busy ? <p className="loading">Reading the file…</p> : null}
        <ErrorMessage error={read.error} title="The file could not be read." />
        {imported ? (
          <Notice>
            Read {imported.file}
            {imported.proposal.iatiIdentifier ? ` (${imported.proposal.iatiIdentifier})` : ''}.
            {imported.warnings.length ? (
              <ul>
                {imported.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            ) : null}
          </Notice>
        ) : null}
      </section>
      <FormPanel title="The proposal" onSubmit={form.onSubmit}>
        <ProposalFields form={form} missing={imported?.missing} />
        <FormFooter form={form} submit="Submit the proposal" busyLabel="Submitting…" />
      </FormPanel>
    </main>
  );
}
