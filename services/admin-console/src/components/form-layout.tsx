// The frame of a command's form: a panel named by its heading, and below the
// fields, the errors no field shows, the button that sends it and any other.
import { useId, type FormEvent, type ReactNode } from 'react';
import { FormErrors, SubmitButton } from './fields';

/** A command's form as a panel of its page, named by its heading. */
export function FormPanel(props: {
  title: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <form className="panel" onSubmit={props.onSubmit} aria-labelledby={id} noValidate>
      <h2 id={id}>{props.title}</h2>
      {props.children}
    </form>
  );
}

/** The errors no field shows (or `errors` instead), the submit button, and other buttons. */
export function FormFooter(props: {
  form: { busy: boolean; error: unknown; fields: readonly string[] };
  submit: ReactNode;
  busyLabel: string;
  errors?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <>
      {props.errors ?? <FormErrors form={props.form} />}
      <div className="actions">
        <SubmitButton busy={props.form.busy} busyLabel={props.busyLabel}>
          {props.submit}
        </SubmitButton>
        {props.children}
      </div>
    </>
  );
}
