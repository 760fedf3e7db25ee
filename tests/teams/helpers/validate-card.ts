// Validates Adaptive Card JSON with the official `adaptivecards` parser (schema 1.5, as Teams renders it).
import { AdaptiveCard, SerializationContext, Versions } from 'adaptivecards';

/** Every parse and validation message the official parser reports for the card (empty when valid). */
export function adaptiveCardProblems(json: unknown): string[] {
  const card = new AdaptiveCard();
  const context = new SerializationContext(Versions.v1_5);
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  return problems;
}
