/** The training API's statistics (GET /statistics) of the offerings its filters select, each figure with its n. */
import type { EvaluationItem } from './reference-data';

/** Completed against failed: the completion rate over those with a result. */
export interface CompletionFigure {
  completed: number;
  failed: number;
  /** completed + failed */
  n: number;
  /** completed / n; null when nobody has a result yet. */
  rate: number | null;
}

/** Mean pre- and post-test scores, and the mean gain, over participants with both. */
export interface KnowledgeGainFigure {
  n: number;
  meanPreTest: number | null;
  meanPostTest: number | null;
  /** Mean of (post − pre), in percentage points. */
  meanGain: number | null;
}

export interface MeanFigure {
  n: number;
  mean: number | null;
}

export interface TrainingStatistics {
  participants: {
    /** Enrolments that held a seat: enrolled, completed or failed. */
    n: number;
    byConstituentGroup: Record<string, number>;
    bySex: Record<string, number>;
    byRegion: Record<string, number>;
    byYear: Record<string, number>;
  };
  completion: {
    overall: CompletionFigure;
    byCourseKind: Record<string, CompletionFigure>;
    byYear: Record<string, CompletionFigure>;
  };
  knowledgeGain: {
    overall: KnowledgeGainFigure;
    byCourseKind: Record<string, KnowledgeGainFigure>;
  };
  satisfaction: {
    /** Questionnaires submitted. */
    evaluations: number;
    /** Mean score per item (1–5), with the number of answers. */
    items: Record<EvaluationItem, MeanFigure>;
  };
  waitlists: {
    offerings: number;
    /** Enrolments waiting now for offerings still taking enrolments (planned, open or full). */
    waitingNow: number;
    /** Offerings whose waitlist was ever longer than 0. */
    offeringsWithWaitlist: number;
    /** Mean and longest of each offering's longest waitlist. */
    meanPeak: number | null;
    maxPeak: number;
  };
}

/** The statistics, and the position of the last event they reflect. */
export interface TrainingStatisticsAnswer extends TrainingStatistics {
  position: number;
}
