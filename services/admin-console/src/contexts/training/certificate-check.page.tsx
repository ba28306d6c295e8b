// The public check of a certificate, reachable without signing in
// (/verify/<code>): whose it is, of which course, when, and whether it holds.
// A revoked one says revoked; a holder whose personal data was erased reads
// "holder erased"; an unknown code, that there is no such certificate.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import type { CertificateCheck } from '@sfp/contracts';
import { ApiError } from '../../api/client';
import { Badge, ErrorMessage, Loading } from '../../components/feedback';
import { formatDate } from '../../components/format';
import { href } from '../../routing/paths';
import { trainingQueries } from './training.api';
import { CERTIFICATE_STATUS_LABELS, formatSpan } from './training-labels';

export function CertificateCheckPage() {
  const { verificationCode = '' } = useParams();
  const code = verificationCode.trim();
  useEffect(() => {
    document.title = 'Check a certificate — SFP Platform';
  }, []);
  return (
    <>
      <header className="top">
        <span className="brand">SFP Platform</span>
      </header>
      <main id="main">
        <h1>Check a training certificate</h1>
        <CodeForm key={code} initial={code} />
        {code ? <CheckResult code={code} /> : null}
      </main>
    </>
  );
}

function CodeForm({ initial }: { initial: string }) {
  const navigate = useNavigate();
  const [code, setCode] = useState(initial);
  return (
    <form
      className="filters"
      role="search"
      aria-label="Certificate code"
      onSubmit={(e) => {
        e.preventDefault();
        const typed = code.trim();
        if (typed) navigate(href('verifyCertificate', { verificationCode: typed }));
      }}
    >
      <div className="field">
        <label htmlFor="verification-code">Verification code</label>
        <input
          id="verification-code"
          value={code}
          maxLength={64}
          placeholder="As printed on the certificate"
          onChange={(e) => setCode(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          Check
        </button>
      </div>
    </form>
  );
}

function CheckResult({ code }: { code: string }) {
  const check = useQuery(trainingQueries.certificate(code));
  if (check.error) {
    const unknown =
      check.error instanceof ApiError && (check.error.status === 404 || check.error.status === 400);
    return unknown ? (
      <section aria-labelledby="result-heading" className="panel" data-testid="certificate-check">
        <h2 id="result-heading">No such certificate</h2>
        <p>
          No certificate has the code <strong>{code}</strong>. Check the code as printed on the
          certificate.
        </p>
      </section>
    ) : (
      <ErrorMessage error={check.error} />
    );
  }
  if (!check.data) return <Loading what="Checking the certificate" />;
  return <Certificate certificate={check.data} />;
}

function Certificate({ certificate: c }: { certificate: CertificateCheck }) {
  const revoked = c.status === 'revoked';
  return (
    <section aria-labelledby="result-heading" className="panel" data-testid="certificate-check">
      <div className="title-row">
        <h2 id="result-heading">
          {revoked ? 'This certificate was revoked' : 'This certificate is valid'}
        </h2>
        <Badge kind={revoked ? 'bad' : 'good'}>
          <span data-testid="certificate-status">{CERTIFICATE_STATUS_LABELS[c.status]}</span>
        </Badge>
      </div>
      <dl className="details">
        <dt>Holder</dt>
        <dd data-testid="certificate-holder">
          {c.holderErased ? <em>Holder erased</em> : c.holder}
        </dd>
        <dt>Course</dt>
        <dd>{c.courseTitle}</dd>
        <dt>Dates</dt>
        <dd>{formatSpan(c.startsOn, c.endsOn)}</dd>
        <dt>Issued</dt>
        <dd>{formatDate(c.issuedAt)}</dd>
        {revoked ? (
          <>
            <dt>Revoked</dt>
            <dd>{c.revokedAt ? formatDate(c.revokedAt) : 'Yes'}</dd>
          </>
        ) : null}
        <dt>Code</dt>
        <dd>{c.verificationCode}</dd>
      </dl>
      {revoked ? <p>It no longer attests that its holder completed the course.</p> : null}
    </section>
  );
}
