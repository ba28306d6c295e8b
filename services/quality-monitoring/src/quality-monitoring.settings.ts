import { IsOptional, Matches } from 'class-validator';
import { IatiReportingOrgSettings } from './iati/iati.settings';

/**
 * The quality-monitoring context's own variables, read by both hosts
 * (`settings` of its declaration; the instance is the CONTEXT_SETTINGS token):
 * the IATI export's reporting organisation, and the suffix of its
 * subscriptions' consumer groups.
 */
export class QualityMonitoringSettings extends IatiReportingOrgSettings {
  /**
   * Appended to the names of the subscriptions to the other contexts' events
   * (their consumer groups `sfp-quality-monitoring.<name>-<suffix>`): a second
   * deployment on the same Kafka, or a test run, reads those topics on its own.
   */
  @IsOptional()
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'must be kebab-case letters and digits, e.g. staging-2',
  })
  QUALITY_SUBSCRIPTION_GROUP_SUFFIX?: string;
}

/** A subscription's name with the settings' suffix, if any. */
export function subscriptionName(name: string, settings: QualityMonitoringSettings): string {
  const suffix = settings.QUALITY_SUBSCRIPTION_GROUP_SUFFIX?.trim();
  return suffix ? `${name}-${suffix}` : name;
}
