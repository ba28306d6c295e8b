import { Inject, Injectable } from '@nestjs/common';
import type { ReviewPolicy, ReviewPolicyDraft } from '@sfp/contracts';
import type { CommandContext, EventStore } from '@sfp/event-sourcing';
import { CLOCK, COMMANDS, EVENT_STORE, type Clock, type ContextCommands } from '@sfp/service-kit';
import { REVIEW_POLICY_STREAM } from '../../quality-monitoring.context';
import {
  decideReviewPolicy,
  evolveReviewPolicy,
  initialReviewPolicyState,
  policyInForce,
  policyVersion,
  type ReviewPolicyState,
} from '../domain/review-policy.decider';
import type { ReviewPolicyCommand } from '../domain/review-policy.commands';
import type { ReviewPolicyEvent } from '../domain/review-policy.events';

/** A policy published: its version, and where the command left the stream. */
export interface PolicyPublishedResult {
  version: number;
  streamVersion: number;
  position: number;
  changed: boolean;
}

/**
 * The review policy's versions (the `review-policy` stream; version 1 is
 * DEFAULT_REVIEW_POLICY until one is published): the one in force, any by
 * number, and publishing the next.
 */
@Injectable()
export class ReviewPolicies {
  private readonly decider = {
    initialState: initialReviewPolicyState,
    evolve: evolveReviewPolicy,
    decide: (command: ReviewPolicyCommand, state: ReviewPolicyState) =>
      decideReviewPolicy(state, command),
  };

  constructor(
    @Inject(COMMANDS) private readonly commands: ContextCommands,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private async state(): Promise<ReviewPolicyState> {
    const recorded = await this.events.readStream(REVIEW_POLICY_STREAM);
    return (recorded as unknown as ReviewPolicyEvent[]).reduce(
      (state, event) => evolveReviewPolicy(state, event),
      initialReviewPolicyState(),
    );
  }

  /** The version in force: the latest published, else version 1. */
  async inForce(): Promise<ReviewPolicy> {
    return policyInForce(await this.state());
  }

  /** A version by its number, or undefined when there is none. */
  async version(version: number): Promise<ReviewPolicy | undefined> {
    return policyVersion(await this.state(), version);
  }

  /** Publishes a new version (the next number): it applies to the reviews started after it. */
  async publish(draft: ReviewPolicyDraft, context: CommandContext): Promise<PolicyPublishedResult> {
    const at = this.clock().toISOString();
    let decided: ReviewPolicyEvent[] = [];
    const { streamVersion, position, changed } = await this.commands.run({
      streamId: REVIEW_POLICY_STREAM,
      decider: {
        ...this.decider,
        decide: (command, state) => (decided = this.decider.decide(command, state)),
      },
      command: (): ReviewPolicyCommand => ({
        type: 'PublishReviewPolicy',
        policy: draft,
        at,
        by: context.actor.id,
      }),
      context,
      occurredAt: at,
    });
    const published = decided.at(-1);
    return {
      version: published ? published.data.version : (await this.inForce()).version,
      streamVersion,
      position,
      changed,
    };
  }
}
