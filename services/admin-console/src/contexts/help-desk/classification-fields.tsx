import {
  GLOBAL_INITIATIVES,
  REQUEST_KINDS,
  THEMES,
  type GlobalInitiative,
  type RequestKind,
  type Theme,
} from '@sfp/contracts';
import {
  CheckboxGroup,
  SelectField,
  type ChoiceBinding,
  type ChoicesBinding,
} from '../../components/fields';

/**
 * How a request is classified, as filed and as triage confirms it: its kind
 * (with the global initiative when it coordinates one) and its themes.
 */
export function ClassificationFields(props: {
  kind: ChoiceBinding<RequestKind>;
  globalInitiative: ChoiceBinding<GlobalInitiative>;
  themes: ChoicesBinding<Theme>;
  /** No kind yet: the first choice is "Choose…". */
  unclassified?: boolean;
}) {
  return (
    <>
      <SelectField
        label="Kind"
        {...props.kind}
        options={REQUEST_KINDS}
        emptyLabel={props.unclassified ? 'Choose…' : undefined}
        required={props.unclassified}
      />
      {props.kind.value === 'global-initiative-coordination' ? (
        <SelectField
          label="Global initiative"
          {...props.globalInitiative}
          options={GLOBAL_INITIATIVES}
          emptyLabel="Choose…"
        />
      ) : null}
      <CheckboxGroup legend="Themes" {...props.themes} options={THEMES} />
    </>
  );
}
