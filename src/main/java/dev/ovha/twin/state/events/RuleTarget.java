package dev.ovha.twin.state.events;

/**
 * A rule's target. The stack's targets are its SQS queue, reached with an input transformer and a
 * fixed FIFO message group.
 *
 * @param id                the target id within its rule
 * @param arn               the target resource (an SQS queue ARN here)
 * @param inputTransformer  how the event becomes the message body, or null to send the whole event
 * @param sqsMessageGroupId SqsParameters.MessageGroupId, required by FIFO queues
 */
public record RuleTarget(String id, String arn, InputTransformer inputTransformer, String sqsMessageGroupId) {
}
