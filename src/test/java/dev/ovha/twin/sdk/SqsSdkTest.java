package dev.ovha.twin.sdk;

import dev.ovha.twin.state.sqs.QueueSettings;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqsSdkTest extends TwinSdkTestBase {

    @Test
    void theStacksQueueAsTheTemplateDeclaresIt() {
        String url = queueUrl();
        assertThat(url).isEqualTo("https://sqs.us-east-1.amazonaws.com/123456789012/" + queueName());
        Map<QueueAttributeName, String> attributes = aws.sqs().getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(QueueAttributeName.ALL)).attributes();
        assertThat(attributes)
                .containsEntry(QueueAttributeName.FIFO_QUEUE, "true")
                .containsEntry(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true")
                .containsEntry(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "60")
                .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "50")
                .containsEntry(QueueAttributeName.QUEUE_ARN, "arn:aws:sqs:us-east-1:123456789012:" + queueName())
                .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")
                .containsEntry(QueueAttributeName.DEDUPLICATION_SCOPE, "queue")
                .containsEntry(QueueAttributeName.FIFO_THROUGHPUT_LIMIT, "perQueue");
        assertThat(attributes.get(QueueAttributeName.POLICY)).contains("events.amazonaws.com", "sqs:SendMessage");
        assertThat(Long.parseLong(attributes.get(QueueAttributeName.CREATED_TIMESTAMP)))
                .isLessThan(twin.clock().now().getEpochSecond());
    }

    @Test
    void anUnknownQueueIsQueueDoesNotExistWithTheQueryEraCode() {
        assertThatThrownBy(() -> aws.sqs().getQueueUrl(r -> r.queueName("no-such-queue.fifo")))
                .isInstanceOfSatisfying(QueueDoesNotExistException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified queue does not exist.");
                });
        assertThatThrownBy(() -> aws.sqs().getQueueAttributes(r -> r.queueUrl(queueUrl().replace(queueName(), "gone.fifo"))))
                .isInstanceOf(QueueDoesNotExistException.class);
    }

    @Test
    void thePaginatorPagesWhenAskedToAndAPrefixFilters() {
        twin.inWorld(w -> w.sqs().create("ovha-twin-extra", new QueueSettings(false, false, Duration.ofDays(4),
                Duration.ofSeconds(30), Duration.ZERO, 262_144, Duration.ZERO, "{}"), w.sim().now()));
        List<String> all = aws.sqs().listQueuesPaginator(r -> r.maxResults(1)).queueUrls().stream().toList();
        assertThat(all).hasSize(2).allMatch(u -> u.startsWith("https://sqs.us-east-1.amazonaws.com/123456789012/ovha-twin-"));
        assertThat(aws.sqs().listQueues(r -> r.maxResults(1)).nextToken()).as("one page is not all").isNotBlank();
        assertThat(aws.sqs().listQueues(r -> r.queueNamePrefix("ovha-twin-S")).queueUrls()).containsExactly(queueUrl());
        assertThat(aws.sqs().listQueues(r -> r.queueNamePrefix("nothing")).queueUrls()).isEmpty();
    }

    @Test
    void sendReceiveAndDeleteWithTheSdksChecksums() {
        String url = queueUrl();
        SendMessageResponse sent = aws.sqs().sendMessage(r -> r.queueUrl(url).messageBody("{\"hello\":1}").messageGroupId("g"));
        assertThat(sent.sequenceNumber()).matches("\\d{20}");
        List<Message> received = aws.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        assertThat(received).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isEqualTo(sent.messageId());
            assertThat(m.body()).isEqualTo("{\"hello\":1}");
            assertThat(m.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1")
                    .containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "g")
                    .containsEntry(MessageSystemAttributeName.SEQUENCE_NUMBER, sent.sequenceNumber());
        });
        assertThat(aws.sqs().receiveMessage(r -> r.queueUrl(url)).messages()).as("in flight").isEmpty();
        aws.sqs().deleteMessage(r -> r.queueUrl(url).receiptHandle(received.get(0).receiptHandle()));
        twin.advance(Duration.ofSeconds(55));
        assertThat(aws.sqs().receiveMessage(r -> r.queueUrl(url)).messages()).as("deleted, so it never comes back").isEmpty();
        assertThatThrownBy(() -> aws.sqs().deleteMessage(r -> r.queueUrl(url).receiptHandle("AQEBforged")))
                .isInstanceOf(ReceiptHandleIsInvalidException.class);
    }

    @Test
    void theScheduleRulesMessageArrivesEveryMinute() {
        twin.advance(Duration.ofSeconds(60));
        Message first = aws.sqs().receiveMessage(r -> r.queueUrl(queueUrl())).messages().get(0);
        assertThat(first.body()).isEqualTo("{\"source\":\"custom.autoscaling_schedule\",\"detail\":{\"time\":\"2026-01-05T09:01:00Z\"}}");
        aws.sqs().deleteMessage(r -> r.queueUrl(queueUrl()).receiptHandle(first.receiptHandle()));
        twin.advance(Duration.ofSeconds(60));
        assertThat(aws.sqs().receiveMessage(r -> r.queueUrl(queueUrl())).messages().get(0).body()).contains("09:02:00Z");
    }

    @Test
    void anOperationTheTwinDoesNotEmulateIsA400NamingIt() {
        assertThatThrownBy(() -> aws.sqs().purgeQueue(r -> r.queueUrl(queueUrl())))
                .isInstanceOfSatisfying(SqsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("PurgeQueue", "SQS");
                });
    }

    @Test
    void cloudFormationNamesTheSameQueue() {
        assertThat(physicalId(aws.cloudFormation().describeStackResources(r -> r.stackName(stack())).stackResources(), "SQSQueue"))
                .isEqualTo(queueUrl());
    }

    static String physicalId(List<StackResource> resources, String logicalId) {
        return resources.stream().filter(r -> r.logicalResourceId().equals(logicalId)).findFirst().orElseThrow()
                .physicalResourceId();
    }

    private String queueName() {
        return stack() + "-SQS.fifo";
    }

    private String queueUrl() {
        return aws.sqs().getQueueUrl(r -> r.queueName(queueName())).queueUrl();
    }
}
