// The strategy choice of `U`'s typed confirmation: tab cycles default -> evict -> restart ->
// default and the plan is made again with it. Pure, so the cycle is tested without ink.
import type { PlanOptions, Strategy } from '../tui-actions.js';
import type { Modal } from './navigation.js';

export type StrategyChoice = Strategy | 'default';

const CYCLE: readonly StrategyChoice[] = ['default', 'evict', 'restart'];

/** The strategy after `current` in the cycle. */
export const nextStrategy = (current: StrategyChoice): StrategyChoice => CYCLE[(CYCLE.indexOf(current) + 1) % CYCLE.length]!;

/** Only a plan that recycles for the upgrade reads workloads, so only it has a strategy to choose. */
export const choosesStrategy = (modal: Modal | null): modal is Modal & { options: PlanOptions } => modal?.kind === 'typed-confirm' && modal.options?.purpose === 'upgrade';

/** The strategy the dialog's plan was made with. */
export const strategyOf = (options: PlanOptions | undefined): StrategyChoice => options?.strategy ?? 'default';

/** The plan options for `choice` ('default': none asked). */
export function withStrategy(options: PlanOptions, choice: StrategyChoice): PlanOptions {
  const { strategy: _old, ...rest } = options;
  return choice === 'default' ? rest : { ...rest, strategy: choice };
}
