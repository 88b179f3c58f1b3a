// Generated from schema/1.0/ by `make generate`. Do not edit.
/**
 * BaseRunType: Allowed values of BaseRunParameters.base_run_type.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "BaseRunType".
 */
export type BaseRunType = "none" | "parameters" | "rerun_tests";
/**
 * BinarificationMethodType: Allowed values of DatasetParameters.binarification_method.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "BinarificationMethodType".
 */
export type BinarificationMethodType = "select_two" | "merge" | "random";
/**
 * InteractionProtocolType: Allowed values of HyperParameters.interaction_protocol.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "InteractionProtocolType".
 */
export type InteractionProtocolType =
  "nip" | "adp" | "debate" | "merlin_arthur" | "mnip" | "solo_verifier" | "multi_channel_test";
/**
 * ActivationType: Allowed values of GraphIsomorphismAgentParameters.activation_function, ImageClassificationAgentParameters.activation_function, MessageRegressionParameters.mlp_activation.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "ActivationType".
 */
export type ActivationType = "relu" | "tanh" | "sigmoid";
/**
 * MessageRegressionMethodType: Allowed values of MessageRegressionParameters.regression_method.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "MessageRegressionMethodType".
 */
export type MessageRegressionMethodType = "mlp" | "cnn";
/**
 * PpoLossType: Allowed values of CommonPpoParameters.loss_type.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "PpoLossType".
 */
export type PpoLossType = "clip" | "kl_penalty";
/**
 * GuessType: Allowed values of CommonProtocolParameters.force_guess.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "GuessType".
 */
export type GuessType = "zero" | "one" | "y";
/**
 * ScenarioType: Allowed values of HyperParameters.scenario.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "ScenarioType".
 */
export type ScenarioType = "graph_isomorphism" | "image_classification" | "code_validation";
/**
 * IhvpVariantType: Allowed values of SpgParameters.ihvp_variant.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "IhvpVariantType".
 */
export type IhvpVariantType = "conj_grad" | "neumann" | "nystrom";
/**
 * SpgVariantType: Allowed values of SpgParameters.variant.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "SpgVariantType".
 */
export type SpgVariantType = "spg" | "pspg" | "lola" | "pola" | "sos" | "psos";
/**
 * TestSchemeType: Allowed values of TextRlParameters.test_scheme.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "TestSchemeType".
 */
export type TestSchemeType = "none" | "all" | "last" | "first_and_last";
/**
 * TrainerType: Allowed values of HyperParameters.trainer.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "TrainerType".
 */
export type TrainerType =
  "vanilla_ppo" | "solo_agent" | "spg" | "reinforce" | "pure_text_ei" | "pure_text_malt";
/**
 * When an agent's weights may change during training.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "AgentUpdateSchedule".
 */
export type AgentUpdateSchedule =
  ConstantUpdateSchedule | ContiguousPeriodicUpdateSchedule | AlternatingPeriodicUpdateSchedule;
/**
 * ImageBuildingBlockType: Allowed values of ImageClassificationAgentParameters.building_block_type.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "ImageBuildingBlockType".
 */
export type ImageBuildingBlockType = "conv2d" | "residual_basic";

/**
 * All hyper-parameters of one experiment. An experiment can be reproduced from them, up to hardware and API quirks.
 */
export interface HyperParameters {
  /**
   * The JSON Schema this config file follows, so that editors can check and complete it. Ignored when reading.
   */
  $schema?: string;
  /**
   * The name of the package that wrote this dict (`nip`, or `pvg` before 1.0). Written by `to_dict(include_package_meta=True)`; ignored when reading.
   */
  _package_name?: string;
  /**
   * The version of the parameters package that wrote this dict. Written by `to_dict(include_package_meta=True)`; read to decide whether the dict must be migrated.
   */
  _package_version?: string;
  /**
   * The class of this object, `HyperParameters`. Optional in hand-written configs.
   */
  _type?: "HyperParameters";
  /**
   * Per-agent settings keyed by agent name; null means scenario defaults for every agent.
   */
  agents?: AgentsParameters | null;
  /**
   * Whether and how this run is derived from an earlier W&B run.
   */
  base_run?: BaseRunParameters | null;
  /**
   * Dataset settings for the code validation scenario.
   */
  code_validation?: CodeValidationParameters | null;
  /**
   * How many distinct values the extra linear message can take (used only when it is enabled). Range: ≥ 0.
   */
  d_linear_message_space?: number;
  /**
   * Width of the representation each agent body outputs. Range: ≥ 0.
   */
  d_representation?: number;
  /**
   * Name of the dataset to load (free-form string).
   */
  dataset: string;
  /**
   * How the dataset is binarised, balanced and truncated.
   */
  dataset_options?: DatasetParameters | null;
  /**
   * Round limits and ordering for the debate protocol.
   */
  debate_protocol?: DebateProtocolParameters | null;
  /**
   * Run agent networks in functional form (slower; enables some extra features).
   */
  functionalize_modules?: boolean;
  /**
   * Network-shape settings for the image classification scenario.
   */
  image_classification?: ImageClassificationParameters | null;
  /**
   * Add an extra one-number message channel next to the scenario's normal messages.
   */
  include_linear_message_space?: boolean;
  /**
   * Which prover/verifier interaction game is played.
   */
  interaction_protocol?: InteractionProtocolType;
  /**
   * Optional probe that tries to predict labels from agents' messages.
   */
  message_regression?: MessageRegressionParameters | null;
  /**
   * Number of message slots sent at once (a dimension of the message space). Range: ≥ 0.
   */
  message_size?: number;
  /**
   * Round limits and ordering for the two-prover NIP protocol.
   */
  mnip_protocol?: MnipProtocolParameters | null;
  /**
   * Round limits for the NIP protocol.
   */
  nip_protocol?: NipProtocolParameters | null;
  /**
   * Settings shared by the PPO-style trainers.
   */
  ppo?: CommonPpoParameters | null;
  /**
   * Pretrain agent bodies on their own (using solo_agent settings) before main training.
   */
  pretrain_agents?: boolean;
  /**
   * Reward and turn-order settings shared by every protocol.
   */
  protocol_common?: CommonProtocolParameters | null;
  /**
   * Settings for expert iteration with API-based text agents.
   */
  pure_text_ei?: PureTextEiParameters | null;
  /**
   * Settings for MALT (multi-agent LLM training) with API-based text agents.
   */
  pure_text_malt?: PureTextMaltParameters | null;
  /**
   * Settings for the REINFORCE trainer.
   */
  reinforce?: ReinforceParameters | null;
  /**
   * Settings shared by all reinforcement-learning trainers.
   */
  rl?: RlTrainerParameters | null;
  /**
   * Which task domain the experiment runs (decides the agent parameter class).
   */
  scenario: ScenarioType;
  /**
   * Random seed for the run. Range: ≥ 0 and ≤ 4294967295.
   */
  seed?: number;
  /**
   * Settings for supervised training of single agents (also used for pretraining).
   */
  solo_agent?: SoloAgentParameters | null;
  /**
   * Settings for Stackelberg policy gradient and its relatives.
   */
  spg?: SpgParameters | null;
  /**
   * Fraction of the dataset held out for testing. Range: > 0 and < 1.
   */
  test_size?: number;
  /**
   * Settings shared by the text (API-model) trainers.
   */
  text_rl?: TextRlParameters | null;
  /**
   * Which training algorithm is used.
   */
  trainer: TrainerType | "ppo";
  /**
   * Settings specific to independent-agent PPO (currently none).
   */
  vanilla_ppo?: VanillaPpoParameters | null;
  /**
   * Coefficients used by the zero-knowledge protocol variants.
   */
  zk_protocol?: ZkProtocolParameters | null;
}
/**
 * The agents of the experiment, keyed by agent name. The name `_default` gives settings for every agent that is not named.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "AgentsParameters".
 */
export interface AgentsParameters {
  /**
   * A summary of the agents' update schedules, written by to_dict (`Standard`, `Alternating(...)` or `Custom(...)`). It is ignored when reading.
   */
  agents_update_repr?: string;
  /**
   * The settings of one agent. Its class follows from the scenario (and `is_random`).
   */
  [k: string]: {} | string | undefined;
}
/**
 * Settings for basing this experiment on an earlier Weights & Biases run.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "BaseRunParameters".
 */
export interface BaseRunParameters {
  /**
   * The class of this object, `BaseRunParameters`. Optional in hand-written configs.
   */
  _type?: "BaseRunParameters";
  /**
   * Whether to start from an earlier run and in what way.
   */
  base_run_type?: BaseRunType;
  /**
   * When re-running tests, create the test-during-training state even if the old run lacked it.
   */
  rerun_tests_force_test_during_training_state?: boolean;
  /**
   * Id of the earlier W&B run (needed unless base_run_type is none).
   */
  run_id?: string | null;
  /**
   * W&B entity of the earlier run (default from WANDB_ENTITY).
   */
  wandb_entity?: string;
  /**
   * W&B project of the earlier run (default from WANDB_PROJECT).
   */
  wandb_project?: string;
}
/**
 * Settings of the code-validation scenario.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "CodeValidationParameters".
 */
export interface CodeValidationParameters {
  /**
   * The class of this object, `CodeValidationParameters`. Optional in hand-written configs.
   */
  _type?: "CodeValidationParameters";
  /**
   * APPS difficulty level to use.
   */
  apps_difficulty?: "introductory" | "interview" | "competition";
  /**
   * Drop datapoints that the moderation API flagged.
   */
  apps_exclude_flagged?: boolean;
  /**
   * Which of a question's several solutions to use. Range: ≥ 0.
   */
  apps_solution_number?: number;
}
/**
 * How the dataset is turned into a binary task and how large it may be.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "DatasetParameters".
 */
export interface DatasetParameters {
  /**
   * The class of this object, `DatasetParameters`. Optional in hand-written configs.
   */
  _type?: "DatasetParameters";
  /**
   * How a multi-class dataset becomes a two-class one.
   */
  binarification_method?: BinarificationMethodType;
  /**
   * Seed for random binarification; null for the dataset default.
   */
  binarification_seed?: number | null;
  /**
   * Balance the two classes.
   */
  make_balanced?: boolean;
  /**
   * Cap on training-set size; null keeps it all. Range: ≥ 0.
   */
  max_train_size?: number | null;
  /**
   * The two class indices used by select_two; null for the dataset default.
   *
   * @minItems 2
   */
  selected_classes?: never[] | null;
}
/**
 * Settings of the debate protocol.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "DebateProtocolParameters".
 */
export interface DebateProtocolParameters {
  /**
   * The class of this object, `DebateProtocolParameters`. Optional in hand-written configs.
   */
  _type?: "DebateProtocolParameters";
  /**
   * Upper bound on the number of rounds. Range: ≥ 1.
   */
  max_message_rounds?: number;
  /**
   * Rounds before which verifier decisions are ignored (1.0 meaning; pre-1.0 values were one lower). Range: ≥ 0.
   */
  min_message_rounds?: number;
  /**
   * With sequential provers, prover0 goes first.
   */
  prover0_first?: boolean;
  /**
   * Shuffle the channel order shown to the verifier (text protocols).
   */
  randomize_channel_order?: boolean;
  /**
   * Provers speak one after another instead of simultaneously.
   */
  sequential?: boolean;
}
/**
 * Settings of the image-classification scenario.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "ImageClassificationParameters".
 */
export interface ImageClassificationParameters {
  /**
   * The class of this object, `ImageClassificationParameters`. Optional in hand-written configs.
   */
  _type?: "ImageClassificationParameters";
  /**
   * Channel count of the first block. Range: ≥ 0.
   */
  initial_num_channels?: number;
  /**
   * Number of block groups in each agent's CNN. Range: ≥ 0.
   */
  num_block_groups?: number;
}
/**
 * Settings for regressing labels on the agents' messages, to see what the messages carry.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "MessageRegressionParameters".
 */
export interface MessageRegressionParameters {
  /**
   * The class of this object, `MessageRegressionParameters`. Optional in hand-written configs.
   */
  _type?: "MessageRegressionParameters";
  /**
   * Agents whose messages are probed; null for all.
   */
  agents?: string[] | null;
  /**
   * Run the message-to-label regression probe.
   */
  enabled?: boolean;
  /**
   * Probe MLP non-linearity.
   */
  mlp_activation?: ActivationType;
  /**
   * Probe MLP batch size. Range: ≥ 1.
   */
  mlp_batch_size?: number;
  /**
   * Probe MLP width. Range: ≥ 0.
   */
  mlp_hidden_size?: number;
  /**
   * Probe MLP learning rate. Range: ≥ 0.
   */
  mlp_learning_rate?: number;
  /**
   * Probe MLP training epochs. Range: ≥ 0.
   */
  mlp_num_epochs?: number;
  /**
   * Probe MLP depth. Range: ≥ 0.
   */
  mlp_num_layers?: number;
  /**
   * Model family of the probe.
   */
  regression_method?: MessageRegressionMethodType;
  /**
   * Re-initialise the probe before every fit.
   */
  reset_on_fit?: boolean;
  /**
   * Held-out fraction of message data. Range: > 0 and < 1.
   */
  test_size?: number;
}
/**
 * Settings of the NIP protocol with two provers (MNIP).
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "MnipProtocolParameters".
 */
export interface MnipProtocolParameters {
  /**
   * The class of this object, `MnipProtocolParameters`. Optional in hand-written configs.
   */
  _type?: "MnipProtocolParameters";
  /**
   * Upper bound on the number of rounds. Range: ≥ 1.
   */
  max_message_rounds?: number;
  /**
   * Rounds before which verifier decisions are ignored (1.0 meaning; pre-1.0 values were one lower). Range: ≥ 0.
   */
  min_message_rounds?: number;
  /**
   * With sequential provers, prover0 goes first.
   */
  prover0_first?: boolean;
  /**
   * Shuffle the channel order shown to the verifier (text protocols).
   */
  randomize_channel_order?: boolean;
  /**
   * Provers speak one after another instead of simultaneously.
   */
  sequential?: boolean;
}
/**
 * Settings of the neural interactive proof (NIP) protocol.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "NipProtocolParameters".
 */
export interface NipProtocolParameters {
  /**
   * The class of this object, `NipProtocolParameters`. Optional in hand-written configs.
   */
  _type?: "NipProtocolParameters";
  /**
   * Upper bound on the number of rounds. Range: ≥ 1.
   */
  max_message_rounds?: number;
  /**
   * Rounds before which verifier decisions are ignored (1.0 meaning; pre-1.0 values were one lower). Range: ≥ 0.
   */
  min_message_rounds?: number;
}
/**
 * Settings common to the PPO-based trainers.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "CommonPpoParameters".
 */
export interface CommonPpoParameters {
  /**
   * The class of this object, `CommonPpoParameters`. Optional in hand-written configs.
   */
  _type?: "CommonPpoParameters";
  /**
   * Clip range for the clipped objective. Range: ≥ 0.
   */
  clip_epsilon?: number;
  /**
   * Weight of the critic loss.
   */
  critic_coef?: number;
  /**
   * Weight of the entropy bonus.
   */
  entropy_eps?: number;
  /**
   * Starting weight of the KL penalty.
   */
  kl_beta?: number;
  /**
   * Factor by which the KL weight shrinks.
   */
  kl_decrement?: number;
  /**
   * Factor by which the KL weight grows.
   */
  kl_increment?: number;
  /**
   * Target KL for the KL-penalty objective. Range: ≥ 0.
   */
  kl_target?: number;
  /**
   * PPO objective variant.
   */
  loss_type?: PpoLossType;
  /**
   * Standardise advantages before the loss.
   */
  normalize_advantage?: boolean;
}
/**
 * Settings common to every interaction protocol.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "CommonProtocolParameters".
 */
export interface CommonProtocolParameters {
  /**
   * The class of this object, `CommonProtocolParameters`. Optional in hand-written configs.
   */
  _type?: "CommonProtocolParameters";
  /**
   * Force the verifier's decision to this value; null lets the policy decide.
   */
  force_guess?: GuessType | null;
  /**
   * Prover's reward when the verifier accepts.
   */
  prover_reward?: number;
  /**
   * Randomly choose which verdict a single prover argues for (text protocols).
   */
  randomize_prover_stance?: boolean;
  /**
   * Give the prover the verifier's reward (overrides prover_reward).
   */
  shared_reward?: boolean;
  /**
   * The verifier moves first.
   */
  verifier_first?: boolean;
  /**
   * Verifier's reward (negative) for a wrong decision.
   */
  verifier_incorrect_penalty?: number;
  /**
   * Verifier's per-round reward for not deciding yet.
   */
  verifier_no_guess_reward?: number;
  /**
   * Verifier's reward for a correct decision.
   */
  verifier_reward?: number;
  /**
   * Verifier's reward if the episode ends before it decides.
   */
  verifier_terminated_penalty?: number;
  /**
   * Use the zero-knowledge version of the protocol.
   */
  zero_knowledge?: boolean;
}
/**
 * Settings of the expert-iteration trainer for text-model agents.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "PureTextEiParameters".
 */
export interface PureTextEiParameters {
  /**
   * The class of this object, `PureTextEiParameters`. Optional in hand-written configs.
   */
  _type?: "PureTextEiParameters";
  /**
   * Minimum reward for a rollout to be kept (threshold method).
   */
  reward_threshold?: number;
  /**
   * How rollouts are chosen for the fine-tuning set.
   */
  rollout_selection_method?: "threshold" | "weighted_sampling";
  /**
   * Smoothing mass added to the normalised weights (weighted method).
   */
  weighting_epsilon?: number;
  /**
   * Floor applied to rewards before using them as weights; null for none.
   */
  weighting_minimum?: number | null;
  /**
   * Sample count as a multiple of the rollout count (weighted method). Range: ≥ 0.
   */
  weighting_sample_size_factor?: number;
  /**
   * Sample with replacement (weighted method).
   */
  weighting_use_replacement?: boolean;
}
/**
 * Settings of the MALT trainer (multi-agent tree sampling) for text-model agents.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "PureTextMaltParameters".
 */
export interface PureTextMaltParameters {
  /**
   * The class of this object, `PureTextMaltParameters`. Optional in hand-written configs.
   */
  _type?: "PureTextMaltParameters";
  /**
   * Branching factor, the responses sampled per step, giving a tree of rollouts. Range: ≥ 1.
   */
  num_responses_per_timestep?: number;
}
/**
 * Settings of the REINFORCE trainer.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "ReinforceParameters".
 */
export interface ReinforceParameters {
  /**
   * The class of this object, `ReinforceParameters`. Optional in hand-written configs.
   */
  _type?: "ReinforceParameters";
  /**
   * Train a critic and use advantages instead of plain reward-to-go.
   */
  use_advantage_and_critic?: boolean;
}
/**
 * Settings common to every reinforcement-learning trainer.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "RlTrainerParameters".
 */
export interface RlTrainerParameters {
  /**
   * The class of this object, `RlTrainerParameters`. Optional in hand-written configs.
   */
  _type?: "RlTrainerParameters";
  /**
   * Decrease the learning rate linearly during training.
   */
  anneal_lr?: boolean;
  /**
   * Learning-rate multiplier for agent bodies applied by the trainer.
   */
  body_lr_factor?: LrFactors | null;
  /**
   * Value-prediction clipping, as a float threshold; true reuses clip_epsilon, false or null means none. Range: ≥ 0.
   */
  clip_value?: number | boolean | null;
  /**
   * Environment steps collected per iteration; null derives it from rollouts_per_iteration. Range: ≥ 1.
   */
  frames_per_batch?: number | null;
  /**
   * Discount factor. Range: ≥ 0 and ≤ 1.
   */
  gamma?: number;
  /**
   * GAE lambda. Range: ≥ 0 and ≤ 1.
   */
  lmbda?: number;
  /**
   * Critic loss form (free string; e.g. l1, l2, smooth_l1).
   */
  loss_critic_type?: string;
  /**
   * Base learning rate. Range: ≥ 0.
   */
  lr?: number;
  /**
   * Gradient-norm clipping threshold. Range: ≥ 0.
   */
  max_grad_norm?: number;
  /**
   * Minibatch size for each optimiser step. Range: ≥ 1.
   */
  minibatch_size?: number;
  /**
   * Standardise environment observations.
   */
  normalize_observations?: boolean;
  /**
   * Optimisation passes over each iteration's batch. Range: ≥ 0.
   */
  num_epochs?: number;
  /**
   * Number of collect-then-train iterations. Range: ≥ 0.
   */
  num_iterations?: number;
  /**
   * Random-action steps used to estimate observation statistics. Range: ≥ 0.
   */
  num_normalization_steps?: number;
  /**
   * Iterations run during testing (kept from the current run when re-running tests). Range: ≥ 0.
   */
  num_test_iterations?: number;
  /**
   * Rollouts per iteration when frames_per_batch is null; null means the dataset size. Range: ≥ 0.
   */
  rollouts_per_iteration?: number | null;
  /**
   * Steps each parallel environment runs per iteration; null means max_message_rounds. Range: ≥ 0.
   */
  steps_per_env_per_iteration?: number | null;
  /**
   * Actor and critic share one body network.
   */
  use_shared_body?: boolean;
}
/**
 * A pair of learning-rate multipliers, one for the actor (policy) and one for the critic (value) part of a network.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "LrFactors".
 */
export interface LrFactors {
  /**
   * The class of this object, `LrFactors`. Optional in hand-written configs.
   */
  _type?: "LrFactors";
  /**
   * Multiplier on the learning rate for the policy (actor) part. Range: ≥ 0.
   */
  actor?: number;
  /**
   * Multiplier on the learning rate for the value (critic) part. Range: ≥ 0.
   */
  critic?: number;
}
/**
 * Settings for training one agent alone with supervision, used by the `solo_agent` trainer and for pretraining.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "SoloAgentParameters".
 */
export interface SoloAgentParameters {
  /**
   * The class of this object, `SoloAgentParameters`. Optional in hand-written configs.
   */
  _type?: "SoloAgentParameters";
  /**
   * Supervised batch size. Range: ≥ 1.
   */
  batch_size?: number;
  /**
   * Ignore body learning-rate factors (treat them as 1) during this training.
   */
  body_lr_factor_override?: boolean;
  /**
   * Supervised learning rate. Range: ≥ 0.
   */
  learning_rate?: number;
  /**
   * Supervised training epochs. Range: ≥ 0.
   */
  num_epochs?: number;
}
/**
 * Settings of Stackelberg policy gradient and its variants (LOLA, POLA, SOS, PSOS).
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "SpgParameters".
 */
export interface SpgParameters {
  /**
   * The class of this object, `SpgParameters`. Optional in hand-written configs.
   */
  _type?: "SpgParameters";
  /**
   * Add the extra term that matches later LOLA formulations.
   */
  additional_lola_term?: boolean;
  /**
   * Iterations of the IHVP approximation. Range: ≥ 0.
   */
  ihvp_num_iterations?: number;
  /**
   * Rank used by the IHVP approximation. Range: ≥ 0.
   */
  ihvp_rank?: number;
  /**
   * Damping used by the IHVP approximation.
   */
  ihvp_rho?: number;
  /**
   * Method for approximating inverse-Hessian-vector products.
   */
  ihvp_variant?: IhvpVariantType;
  /**
   * SOS scaling factor (called sos_a_param before 1.0).
   */
  sos_scaling_factor?: number;
  /**
   * SOS threshold factor (called sos_b_param before 1.0).
   */
  sos_threshold_factor?: number;
  /**
   * Ordered groups of agent names, leaders first; null lets the protocol decide.
   */
  stackelberg_sequence?: string[][] | null;
  /**
   * Which Stackelberg / opponent-shaping algorithm to use.
   */
  variant?: SpgVariantType;
}
/**
 * Settings common to the trainers of text-model agents.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "TextRlParameters".
 */
export interface TextRlParameters {
  /**
   * The class of this object, `TextRlParameters`. Optional in hand-written configs.
   */
  _type?: "TextRlParameters";
  /**
   * Fine-tune on rollouts from all past iterations, not just the latest.
   */
  fine_tune_on_all_previous_rollouts?: boolean;
  /**
   * Also write human-readable transcripts of rollouts.
   */
  save_transcripts?: boolean;
  /**
   * Test on the full dataset rather than one iteration's worth (kept when re-running tests).
   */
  test_on_whole_dataset?: boolean;
  /**
   * On which iterations the test loop runs (kept from the current run when re-running tests).
   */
  test_scheme?: TestSchemeType;
  /**
   * File format for transcripts.
   */
  transcript_format?: "json" | "yaml";
  /**
   * How that share decays over iterations.
   */
  verifier_guess_replacement_annealing?: "none" | "linear" | "exponential";
  /**
   * Rate used by the decay.
   */
  verifier_guess_replacement_annealing_rate?: number;
  /**
   * Share of rollouts whose final verifier guess is swapped for the true label before fine-tuning. Range: ≥ 0 and ≤ 1.
   */
  verifier_guess_replacement_proportion?: number;
}
/**
 * Settings of the vanilla PPO trainer, in which every agent learns on its own. It has none of its own yet.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "VanillaPpoParameters".
 */
export interface VanillaPpoParameters {
  /**
   * The class of this object, `VanillaPpoParameters`. Optional in hand-written configs.
   */
  _type?: "VanillaPpoParameters";
}
/**
 * Settings of the zero-knowledge variants of the protocols.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "ZkProtocolParameters".
 */
export interface ZkProtocolParameters {
  /**
   * The class of this object, `ZkProtocolParameters`. Optional in hand-written configs.
   */
  _type?: "ZkProtocolParameters";
  /**
   * Weight of the simulator reward inside the prover's reward.
   */
  aux_prover_reward_coefficient?: number;
  /**
   * Scale turning logit closeness into the simulator's reward.
   */
  simulator_reward_coefficient?: number;
}
/**
 * Settings shared by every agent, whatever the scenario: learning-rate factors, when the agent updates, checkpoint loading and weight initialisation.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "AgentParameters".
 */
export interface AgentParameters {
  /**
   * The class of this object, `AgentParameters`. Optional in hand-written configs.
   */
  _type?: "AgentParameters";
  /**
   * Learning-rate multiplier for the whole agent relative to the base rate (actor/critic pair).
   */
  agent_lr_factor?: LrFactors | null;
  /**
   * Extra learning-rate multiplier for the agent's body relative to the agent rate.
   */
  body_lr_factor?: LrFactors | null;
  /**
   * W&B entity of the checkpoint run (default taken from WANDB_ENTITY).
   */
  checkpoint_entity?: string;
  /**
   * W&B project of the checkpoint run (default taken from WANDB_PROJECT).
   */
  checkpoint_project?: string;
  /**
   * W&B run id to load the checkpoint from (needed when loading).
   */
  checkpoint_run_id?: string | null;
  /**
   * Which artifact version of the checkpoint to use.
   */
  checkpoint_version?: string;
  /**
   * `is_random` of `AgentParameters`, written by `to_dict`. Optional when writing by hand.
   */
  is_random?: false;
  /**
   * Load this agent's weights and settings from a W&B checkpoint instead of initialising fresh.
   */
  load_checkpoint_and_parameters?: boolean;
  /**
   * Standardise the message history before the encoder sees it.
   */
  normalize_message_history?: boolean;
  /**
   * Gain applied with orthogonal initialisation.
   */
  orthogonal_initialisation_gain?: number;
  /**
   * On which training iterations this agent's weights are allowed to change.
   */
  update_schedule?: AgentUpdateSchedule;
  /**
   * Replace the learned network with a hand-written strategy for this agent.
   */
  use_manual_architecture?: boolean;
  /**
   * Initialise network weights orthogonally.
   */
  use_orthogonal_initialisation?: boolean;
}
/**
 * The agent updates on every iteration.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "ConstantUpdateSchedule".
 */
export interface ConstantUpdateSchedule {
  _type: "ConstantUpdateSchedule";
}
/**
 * The agent updates on one contiguous stretch of each cycle: on cycle positions `start <= i < stop`.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "ContiguousPeriodicUpdateSchedule".
 */
export interface ContiguousPeriodicUpdateSchedule {
  /**
   * The schedule's constructor arguments.
   */
  ContiguousPeriodicUpdateSchedule: {
    /**
     * Cycle length in iterations. Range: ≥ 1.
     */
    period: number;
    /**
     * First iteration (within the cycle) on which the agent updates. Range: ≥ 0.
     */
    start: number;
    /**
     * Iteration (within the cycle) at which updating stops (exclusive). Range: ≥ 0.
     */
    stop: number;
  };
  _type: "ContiguousPeriodicUpdateSchedule";
}
/**
 * Two agents take turns: the first updates for `first_agent_num_rounds` iterations of each cycle, the second for the rest.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "AlternatingPeriodicUpdateSchedule".
 */
export interface AlternatingPeriodicUpdateSchedule {
  /**
   * The schedule's constructor arguments.
   */
  AlternatingPeriodicUpdateSchedule: {
    /**
     * True for the agent that updates first in each cycle, False for the other one.
     */
    first_agent?: boolean;
    /**
     * Iterations per cycle given to the first agent; the rest go to the second. Range: ≥ 0.
     */
    first_agent_num_rounds: number;
    /**
     * Cycle length in iterations. Range: ≥ 1.
     */
    period: number;
  };
  _type: "AlternatingPeriodicUpdateSchedule";
}
/**
 * An agent for the code-validation scenario. It has exactly the settings of a text-model agent.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "CodeValidationAgentParameters".
 */
export interface CodeValidationAgentParameters {
  /**
   * The class of this object, `CodeValidationAgentParameters`. Optional in hand-written configs.
   */
  _type?: "CodeValidationAgentParameters";
  /**
   * Learning-rate multiplier for the whole agent relative to the base rate (actor/critic pair).
   */
  agent_lr_factor?: LrFactors | null;
  /**
   * Extra learning-rate multiplier for the agent's body relative to the agent rate.
   */
  body_lr_factor?: LrFactors | null;
  /**
   * W&B entity of the checkpoint run (default taken from WANDB_ENTITY).
   */
  checkpoint_entity?: string;
  /**
   * W&B project of the checkpoint run (default taken from WANDB_PROJECT).
   */
  checkpoint_project?: string;
  /**
   * W&B run id to load the checkpoint from (needed when loading).
   */
  checkpoint_run_id?: string | null;
  /**
   * Which artifact version of the checkpoint to use.
   */
  checkpoint_version?: string;
  /**
   * Restart fine-tuning from the base model every iteration rather than continuing.
   */
  fine_tune_from_scratch?: boolean;
  /**
   * Never fine-tune this agent.
   */
  freeze_agent?: boolean;
  /**
   * `is_random` of `CodeValidationAgentParameters`, written by `to_dict`. Optional when writing by hand.
   */
  is_random?: false;
  /**
   * Load this agent's weights and settings from a W&B checkpoint instead of initialising fresh.
   */
  load_checkpoint_and_parameters?: boolean;
  /**
   * Word limit stated to the model in its system prompt. Range: ≥ 0.
   */
  max_response_words?: number;
  /**
   * Hard token cap per generated message; null derives it from the word limit. Range: ≥ 0.
   */
  max_tokens_per_message?: number | null;
  /**
   * Model identifier at the provider.
   */
  model_name?: string;
  /**
   * Which API vendor serves the model (only OpenAI).
   */
  model_provider?: "OpenAI";
  /**
   * Standardise the message history before the encoder sees it.
   */
  normalize_message_history?: boolean;
  /**
   * How often to retry when the model's reply is unusable. Range: ≥ 0.
   */
  num_invalid_generation_retries?: number;
  /**
   * Gain applied with orthogonal initialisation.
   */
  orthogonal_initialisation_gain?: number;
  /**
   * Agents with the same group name share one model and its fine-tuning; null means the agent's own group.
   */
  shared_model_group?: string | null;
  /**
   * Sampling temperature; null leaves the provider default. Range: ≥ 0.
   */
  temperature?: number | null;
  /**
   * Nucleus-sampling cutoff; null leaves the provider default. Range: ≥ 0 and ≤ 1.
   */
  top_p?: number | null;
  /**
   * On which training iterations this agent's weights are allowed to change.
   */
  update_schedule?: AgentUpdateSchedule;
  /**
   * Use a fake offline API (for tests) instead of real calls.
   */
  use_dummy_api?: boolean;
  /**
   * Replace the learned network with a hand-written strategy for this agent.
   */
  use_manual_architecture?: boolean;
  /**
   * Initialise network weights orthogonally.
   */
  use_orthogonal_initialisation?: boolean;
}
/**
 * An agent for the graph-isomorphism scenario: a graph neural network body, an optional transformer, and heads that select nodes, decide and estimate value.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "GraphIsomorphismAgentParameters".
 */
export interface GraphIsomorphismAgentParameters {
  /**
   * The class of this object, `GraphIsomorphismAgentParameters`. Optional in hand-written configs.
   */
  _type?: "GraphIsomorphismAgentParameters";
  /**
   * Non-linearity used inside the agent's networks.
   */
  activation_function?: ActivationType;
  /**
   * Learning-rate multiplier for the whole agent relative to the base rate (actor/critic pair).
   */
  agent_lr_factor?: LrFactors | null;
  /**
   * Extra learning-rate multiplier for the body (re-declared here; same position and meaning).
   */
  body_lr_factor?: LrFactors | null;
  /**
   * W&B entity of the checkpoint run (default taken from WANDB_ENTITY).
   */
  checkpoint_entity?: string;
  /**
   * W&B project of the checkpoint run (default taken from WANDB_PROJECT).
   */
  checkpoint_project?: string;
  /**
   * W&B run id to load the checkpoint from (needed when loading).
   */
  checkpoint_run_id?: string | null;
  /**
   * Which artifact version of the checkpoint to use.
   */
  checkpoint_version?: string;
  /**
   * Hidden width of the head that decides accept/reject/continue. Range: ≥ 0.
   */
  d_decider?: number;
  /**
   * Hidden width of the MLP inside each GIN layer. Range: ≥ 0.
   */
  d_gin_mlp?: number;
  /**
   * Hidden width of the GNN (also the attention embedding width). Range: ≥ 0.
   */
  d_gnn?: number;
  /**
   * Hidden width of the head choosing the extra linear message. Range: ≥ 0.
   */
  d_linear_message_selector?: number;
  /**
   * Hidden width of the head that picks a node to send. Range: ≥ 0.
   */
  d_node_selector?: number;
  /**
   * Model width of the transformer. Range: ≥ 0.
   */
  d_transformer?: number;
  /**
   * Hidden width of the transformer feed-forward block. Range: ≥ 0.
   */
  d_transformer_mlp?: number;
  /**
   * Hidden width of the value (critic) head. Range: ≥ 0.
   */
  d_value?: number;
  /**
   * Learning-rate multiplier for the GNN relative to the body rate.
   */
  gnn_lr_factor?: LrFactors | null;
  /**
   * Round GNN outputs to this many digits; null means no rounding.
   */
  gnn_output_digits?: number | null;
  /**
   * Feed the round number into the decision head.
   */
  include_round_in_decider?: boolean;
  /**
   * Feed the round number into the value head.
   */
  include_round_in_value?: boolean;
  /**
   * `is_random` of `GraphIsomorphismAgentParameters`, written by `to_dict`. Optional when writing by hand.
   */
  is_random?: false;
  /**
   * Load this agent's weights and settings from a W&B checkpoint instead of initialising fresh.
   */
  load_checkpoint_and_parameters?: boolean;
  /**
   * Relative std of Gaussian noise added to graph-level representations. Range: ≥ 0.
   */
  noise_sigma?: number;
  /**
   * Standardise the message history before the encoder sees it.
   */
  normalize_message_history?: boolean;
  /**
   * Depth of the decision head. Range: ≥ 0.
   */
  num_decider_layers?: number;
  /**
   * Depth of the graph neural network. Range: ≥ 0.
   */
  num_gnn_layers?: number;
  /**
   * Attention heads in the transformer. Range: ≥ 1.
   */
  num_heads?: number;
  /**
   * Depth of the linear-message head. Range: ≥ 0.
   */
  num_linear_message_selector_layers?: number;
  /**
   * Depth of the node-picking head. Range: ≥ 0.
   */
  num_node_selector_layers?: number;
  /**
   * Number of transformer layers. Range: ≥ 0.
   */
  num_transformer_layers?: number;
  /**
   * Depth of the value head. Range: ≥ 0.
   */
  num_value_layers?: number;
  /**
   * Gain applied with orthogonal initialisation.
   */
  orthogonal_initialisation_gain?: number;
  /**
   * Dropout rate inside the transformer. Range: ≥ 0 and ≤ 1.
   */
  transformer_dropout?: number;
  /**
   * On which training iterations this agent's weights are allowed to change.
   */
  update_schedule?: AgentUpdateSchedule;
  /**
   * Use batch normalisation in global pooling.
   */
  use_batch_norm?: boolean;
  /**
   * Run a second GNN copy on zeroed features alongside the message-history one.
   */
  use_dual_gnn?: boolean;
  /**
   * Replace the learned network with a hand-written strategy for this agent.
   */
  use_manual_architecture?: boolean;
  /**
   * Initialise network weights orthogonally.
   */
  use_orthogonal_initialisation?: boolean;
  /**
   * Make pooled representations independent of the order of the graph pair.
   */
  use_pair_invariant_pooling?: boolean;
}
/**
 * An agent for the image-classification scenario: a convolutional body built from groups of blocks, and heads that select latent pixels, decide and estimate value.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "ImageClassificationAgentParameters".
 */
export interface ImageClassificationAgentParameters {
  /**
   * The class of this object, `ImageClassificationAgentParameters`. Optional in hand-written configs.
   */
  _type?: "ImageClassificationAgentParameters";
  /**
   * Non-linearity used inside the agent's networks.
   */
  activation_function?: ActivationType;
  /**
   * Learning-rate multiplier for the whole agent relative to the base rate (actor/critic pair).
   */
  agent_lr_factor?: LrFactors | null;
  /**
   * Extra learning-rate multiplier for the agent's body relative to the agent rate.
   */
  body_lr_factor?: LrFactors | null;
  /**
   * Kind of block the CNN is built from.
   */
  building_block_type?: ImageBuildingBlockType;
  /**
   * W&B entity of the checkpoint run (default taken from WANDB_ENTITY).
   */
  checkpoint_entity?: string;
  /**
   * W&B project of the checkpoint run (default taken from WANDB_PROJECT).
   */
  checkpoint_project?: string;
  /**
   * W&B run id to load the checkpoint from (needed when loading).
   */
  checkpoint_run_id?: string | null;
  /**
   * Which artifact version of the checkpoint to use.
   */
  checkpoint_version?: string;
  /**
   * Hidden width of the decision head. Range: ≥ 0.
   */
  d_decider?: number;
  /**
   * Hidden width of the head that picks a latent pixel to send. Range: ≥ 0.
   */
  d_latent_pixel_selector?: number;
  /**
   * Hidden width of the head choosing the extra linear message. Range: ≥ 0.
   */
  d_linear_message_selector?: number;
  /**
   * Hidden width of the value (critic) head. Range: ≥ 0.
   */
  d_value?: number;
  /**
   * Feed the round number into the decision head.
   */
  include_round_in_decider?: boolean;
  /**
   * Feed the round number into the value head.
   */
  include_round_in_value?: boolean;
  /**
   * `is_random` of `ImageClassificationAgentParameters`, written by `to_dict`. Optional when writing by hand.
   */
  is_random?: false;
  /**
   * Convolution kernel size of the blocks. Range: ≥ 1.
   */
  kernel_size?: number;
  /**
   * Load this agent's weights and settings from a W&B checkpoint instead of initialising fresh.
   */
  load_checkpoint_and_parameters?: boolean;
  /**
   * Standardise the message history before the encoder sees it.
   */
  normalize_message_history?: boolean;
  /**
   * Blocks in each group of the CNN. Range: ≥ 0.
   */
  num_blocks_per_group?: number;
  /**
   * Depth of the decision head. Range: ≥ 0.
   */
  num_decider_layers?: number;
  /**
   * Depth of the latent-pixel head. Range: ≥ 0.
   */
  num_latent_pixel_selector_layers?: number;
  /**
   * Depth of the linear-message head. Range: ≥ 0.
   */
  num_linear_message_selector_layers?: number;
  /**
   * Depth of the value head. Range: ≥ 0.
   */
  num_value_layers?: number;
  /**
   * Gain applied with orthogonal initialisation.
   */
  orthogonal_initialisation_gain?: number;
  /**
   * Channels the pretrained embeddings are projected to (1x1 conv). Range: ≥ 0.
   */
  pretrained_embedding_channels?: number;
  /**
   * Name of a pretrained model whose last-layer embeddings are added; null for none.
   */
  pretrained_embeddings_model?: string | null;
  /**
   * Convolution stride of the blocks. Range: ≥ 1.
   */
  stride?: number;
  /**
   * On which training iterations this agent's weights are allowed to change.
   */
  update_schedule?: AgentUpdateSchedule;
  /**
   * Replace the learned network with a hand-written strategy for this agent.
   */
  use_manual_architecture?: boolean;
  /**
   * Initialise network weights orthogonally.
   */
  use_orthogonal_initialisation?: boolean;
}
/**
 * Settings of protocols that run for several message rounds.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "LongProtocolParameters".
 */
export interface LongProtocolParameters {
  /**
   * The class of this object, `LongProtocolParameters`. Optional in hand-written configs.
   */
  _type?: "LongProtocolParameters";
  /**
   * Upper bound on the number of rounds. Range: ≥ 1.
   */
  max_message_rounds?: number;
  /**
   * Rounds before which verifier decisions are ignored (1.0 meaning; pre-1.0 values were one lower). Range: ≥ 0.
   */
  min_message_rounds?: number;
}
/**
 * An agent backed by a text model behind an API: which model, how it samples, and how it is fine-tuned.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "PureTextAgentParameters".
 */
export interface PureTextAgentParameters {
  /**
   * The class of this object, `PureTextAgentParameters`. Optional in hand-written configs.
   */
  _type?: "PureTextAgentParameters";
  /**
   * Learning-rate multiplier for the whole agent relative to the base rate (actor/critic pair).
   */
  agent_lr_factor?: LrFactors | null;
  /**
   * Extra learning-rate multiplier for the agent's body relative to the agent rate.
   */
  body_lr_factor?: LrFactors | null;
  /**
   * W&B entity of the checkpoint run (default taken from WANDB_ENTITY).
   */
  checkpoint_entity?: string;
  /**
   * W&B project of the checkpoint run (default taken from WANDB_PROJECT).
   */
  checkpoint_project?: string;
  /**
   * W&B run id to load the checkpoint from (needed when loading).
   */
  checkpoint_run_id?: string | null;
  /**
   * Which artifact version of the checkpoint to use.
   */
  checkpoint_version?: string;
  /**
   * Restart fine-tuning from the base model every iteration rather than continuing.
   */
  fine_tune_from_scratch?: boolean;
  /**
   * Never fine-tune this agent.
   */
  freeze_agent?: boolean;
  /**
   * `is_random` of `PureTextAgentParameters`, written by `to_dict`. Optional when writing by hand.
   */
  is_random?: false;
  /**
   * Load this agent's weights and settings from a W&B checkpoint instead of initialising fresh.
   */
  load_checkpoint_and_parameters?: boolean;
  /**
   * Word limit stated to the model in its system prompt. Range: ≥ 0.
   */
  max_response_words?: number;
  /**
   * Hard token cap per generated message; null derives it from the word limit. Range: ≥ 0.
   */
  max_tokens_per_message?: number | null;
  /**
   * Model identifier at the provider.
   */
  model_name?: string;
  /**
   * Which API vendor serves the model (only OpenAI).
   */
  model_provider?: "OpenAI";
  /**
   * Standardise the message history before the encoder sees it.
   */
  normalize_message_history?: boolean;
  /**
   * How often to retry when the model's reply is unusable. Range: ≥ 0.
   */
  num_invalid_generation_retries?: number;
  /**
   * Gain applied with orthogonal initialisation.
   */
  orthogonal_initialisation_gain?: number;
  /**
   * Agents with the same group name share one model and its fine-tuning; null means the agent's own group.
   */
  shared_model_group?: string | null;
  /**
   * Sampling temperature; null leaves the provider default. Range: ≥ 0.
   */
  temperature?: number | null;
  /**
   * Nucleus-sampling cutoff; null leaves the provider default. Range: ≥ 0 and ≤ 1.
   */
  top_p?: number | null;
  /**
   * On which training iterations this agent's weights are allowed to change.
   */
  update_schedule?: AgentUpdateSchedule;
  /**
   * Use a fake offline API (for tests) instead of real calls.
   */
  use_dummy_api?: boolean;
  /**
   * Replace the learned network with a hand-written strategy for this agent.
   */
  use_manual_architecture?: boolean;
  /**
   * Initialise network weights orthogonally.
   */
  use_orthogonal_initialisation?: boolean;
}
/**
 * An agent that picks its actions uniformly at random. It has only the shared agent settings.
 *
 * This interface was referenced by `HyperParameters`'s JSON-Schema
 * via the `definition` "RandomAgentParameters".
 */
export interface RandomAgentParameters {
  /**
   * The class of this object, `RandomAgentParameters`. Optional in hand-written configs.
   */
  _type?: "RandomAgentParameters";
  /**
   * Learning-rate multiplier for the whole agent relative to the base rate (actor/critic pair).
   */
  agent_lr_factor?: LrFactors | null;
  /**
   * Extra learning-rate multiplier for the agent's body relative to the agent rate.
   */
  body_lr_factor?: LrFactors | null;
  /**
   * W&B entity of the checkpoint run (default taken from WANDB_ENTITY).
   */
  checkpoint_entity?: string;
  /**
   * W&B project of the checkpoint run (default taken from WANDB_PROJECT).
   */
  checkpoint_project?: string;
  /**
   * W&B run id to load the checkpoint from (needed when loading).
   */
  checkpoint_run_id?: string | null;
  /**
   * Which artifact version of the checkpoint to use.
   */
  checkpoint_version?: string;
  /**
   * `is_random` of `RandomAgentParameters`, written by `to_dict`. Optional when writing by hand.
   */
  is_random?: true;
  /**
   * Load this agent's weights and settings from a W&B checkpoint instead of initialising fresh.
   */
  load_checkpoint_and_parameters?: boolean;
  /**
   * Standardise the message history before the encoder sees it.
   */
  normalize_message_history?: boolean;
  /**
   * Gain applied with orthogonal initialisation.
   */
  orthogonal_initialisation_gain?: number;
  /**
   * On which training iterations this agent's weights are allowed to change.
   */
  update_schedule?: AgentUpdateSchedule;
  /**
   * Replace the learned network with a hand-written strategy for this agent.
   */
  use_manual_architecture?: boolean;
  /**
   * Initialise network weights orthogonally.
   */
  use_orthogonal_initialisation?: boolean;
}

/**
 * The agents of one scenario: each entry is one of `A` (`agents_update_repr` is the one
 * string entry, written by `to_dict`).
 */
export interface ScenarioAgents<A> {
  agents_update_repr?: string;
  [name: string]: A | string | undefined;
}
/**
 * A complete config, narrowed by `scenario`: its `agents` hold only that scenario's agent
 * classes (from the schema's `if scenario ... then agents ...` rules).
 */
export type NipConfig =
  | (Omit<HyperParameters, "scenario" | "agents"> & {
      scenario: "graph_isomorphism";
      agents?: ScenarioAgents<GraphIsomorphismAgentParameters | RandomAgentParameters> | null;
    })
  | (Omit<HyperParameters, "scenario" | "agents"> & {
      scenario: "image_classification";
      agents?: ScenarioAgents<ImageClassificationAgentParameters | RandomAgentParameters> | null;
    })
  | (Omit<HyperParameters, "scenario" | "agents"> & {
      scenario: "code_validation";
      agents?: ScenarioAgents<CodeValidationAgentParameters | RandomAgentParameters> | null;
    });
