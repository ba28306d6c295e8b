import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { Answers, Operation, Refuses, RequirePermission } from '@sfp/auth';
import type { ReviewPolicy } from '@sfp/contracts';
import type { CommandContext } from '@sfp/event-sourcing';
import { HttpCommandContext } from '@sfp/service-kit';
import { ReviewPolicyNotFoundError } from './review-policy-not-found.error';
import { reviewPolicyDraftOf, ReviewPolicyDraftDto } from './review-policy-draft.request.dto';
import { PolicyPublishedSchema, ReviewPolicySchema } from './review-policy.schema';
import { ReviewPolicies, type PolicyPublishedResult } from './review-policies';

export class ReviewPolicyVersionParams {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'The policy’s version' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;
}

const POLICY_RULES =
  'A policy the domain refuses: a scale whose max is not above its min, a criterion listed twice, no weight above zero (code RULE_VIOLATED)';

/** The review policy: the checklist, weights, thresholds and service level, versioned. */
@ApiTags('quality-monitoring: review policy')
@Controller('review-policy')
export class ReviewPolicyController {
  constructor(private readonly policies: ReviewPolicies) {}

  @Get()
  @RequirePermission('records:read')
  @Operation(
    'getQualityReviewPolicy',
    'The review policy in force: the criteria and their weights, the scale, the red-flag thresholds, the second-reviewer threshold, the passing score and the service level.',
  )
  @Answers(200, { description: 'The version in force', schema: ReviewPolicySchema })
  inForce(): Promise<ReviewPolicy> {
    return this.policies.inForce();
  }

  @Get('versions/:version')
  @RequirePermission('records:read')
  @Operation(
    'getQualityReviewPolicyVersion',
    'A version of the review policy (a review keeps the one it started with).',
  )
  @Answers(200, { description: 'The version', schema: ReviewPolicySchema })
  @Refuses({ 404: 'No such version (code REVIEW_POLICY_NOT_FOUND)' })
  async version(@Param() { version }: ReviewPolicyVersionParams): Promise<ReviewPolicy> {
    const policy = await this.policies.version(version);
    if (!policy) throw new ReviewPolicyNotFoundError(version);
    return policy;
  }

  @Post()
  @HttpCode(201)
  @RequirePermission('platform:admin')
  @Operation(
    'publishQualityReviewPolicy',
    'Publish a new version of the review policy (administrators): reviews started after it use it; reviews under way keep theirs.',
  )
  @Answers(201, { description: 'Published: its version', schema: PolicyPublishedSchema })
  @Refuses({ 400: POLICY_RULES })
  publish(
    @Body() dto: ReviewPolicyDraftDto,
    @HttpCommandContext({ ifMatch: false }) context: CommandContext,
  ): Promise<PolicyPublishedResult> {
    return this.policies.publish(reviewPolicyDraftOf(dto), context);
  }
}
