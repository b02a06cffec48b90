package dev.ovha.twin.state;

import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinOptions;
import dev.ovha.twin.control.StateDump;
import dev.ovha.twin.sim.Account;
import dev.ovha.twin.sim.ActiveFaults;
import dev.ovha.twin.sim.SeededIds;
import dev.ovha.twin.sim.Sim;
import dev.ovha.twin.sim.Timings;
import dev.ovha.twin.sim.TwinEvent;
import dev.ovha.twin.sim.VirtualClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** S3's state on its own: objects, ETags, listeners (how the masters' model will watch .env), ground truth. */
class S3StateTest {

    private static final Instant EPOCH = Instant.parse("2026-01-05T09:00:00Z");
    private static final String BUCKET = "openvidu-cluster-1a2b3c4d";

    private Sim sim;
    private S3State s3;
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void createBucket() {
        sim = new Sim(VirtualClock.manual(EPOCH), new SeededIds(42), Timings.templateDefaults(), new ActiveFaults(Set.of()),
                new Account("123456789012", "eu-west-1"));
        s3 = new S3State(sim);
        s3.createBucket(BUCKET, "eu-west-1", EPOCH.minus(Duration.ofMinutes(20)));
        s3.addListener((bucket, key, change) -> seen.add(change.kind() + " " + bucket + "/" + key + " "
                + new String(change.bytes(), StandardCharsets.UTF_8).strip()));
    }

    @Test
    void listenersSeeEveryPutOfTheEnvWithItsNewBytesAndItsDelete() {
        s3.put(BUCKET, ".env", "OPENVIDU_SECRET=first\n".getBytes(StandardCharsets.UTF_8), "text/plain");
        sim.clock().advance(Duration.ofSeconds(30));
        s3.put(BUCKET, ".env", "OPENVIDU_SECRET=second\n".getBytes(StandardCharsets.UTF_8), "text/plain");
        s3.delete(BUCKET, ".env");

        assertThat(seen).containsExactly("PUT " + BUCKET + "/.env OPENVIDU_SECRET=first",
                "PUT " + BUCKET + "/.env OPENVIDU_SECRET=second", "DELETE " + BUCKET + "/.env ");
    }

    @Test
    void aPutIsStampedWithTheVirtualClockAndAnMd5Etag() {
        sim.clock().advance(Duration.ofMinutes(5));
        S3Object stored = s3.put(BUCKET, ".env", new ObjectUpload("hello world\n".getBytes(StandardCharsets.UTF_8),
                "text/plain", Optional.empty(), Map.of("owner", "twin"),
                Optional.of(new ObjectChecksum("CRC32", "rwg7LQ=="))));

        assertThat(stored.etag()).isEqualTo("\"6f5902ac237024bdd0c176cb93063dc4\"");
        assertThat(stored.lastModified()).isEqualTo(EPOCH.plus(Duration.ofMinutes(5)));
        assertThat(stored.size()).isEqualTo(12);
        assertThat(s3.object(BUCKET, ".env")).contains(stored);
        assertThat(s3.object(BUCKET, ".env").orElseThrow().text()).isEqualTo("hello world\n");
        assertThat(s3.object(BUCKET, ".env").orElseThrow().metadata()).containsEntry("owner", "twin");
    }

    @Test
    void changesAreGroundTruthButDeletingNothingIsNot() {
        s3.put(BUCKET, "recordings/ses_1/ses_1.mp4", new byte[100], "video/mp4");
        assertThat(s3.delete(BUCKET, "recordings/ses_1/ses_1.mp4")).isTrue();
        assertThat(s3.delete(BUCKET, "recordings/ses_1/ses_1.mp4")).isFalse();

        List<TwinEvent> events = sim.log().all();
        assertThat(events).extracting(TwinEvent::type).containsExactly("s3.put", "s3.delete");
        assertThat(events.get(0).subject()).isEqualTo(BUCKET + "/recordings/ses_1/ses_1.mp4");
        assertThat(events.get(0).details()).containsEntry("size", "100").containsKey("etag");
        assertThat(seen).hasSize(2);
    }

    @Test
    void keysListInUtf8BinaryOrder() {
        // U+1F600 is above U+FFFD in UTF-8 (and code points), below it in UTF-16 units.
        for (String key : List.of("b", "a/\uFFFD", "a/\uD83D\uDE00", "a/z", "a")) {
            s3.put(BUCKET, key, new byte[0], "text/plain");
        }
        assertThat(s3.objects(BUCKET)).extracting(S3Object::key)
                .containsExactly("a", "a/z", "a/\uFFFD", "a/\uD83D\uDE00", "b");
    }

    @Test
    void aBucketMustExist() {
        assertThatThrownBy(() -> s3.put("nope", ".env", new byte[0], "text/plain"))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> s3.createBucket(BUCKET, "eu-west-1", EPOCH)).isInstanceOf(IllegalStateException.class);
        assertThat(s3.bucket(BUCKET)).map(S3Bucket::region).contains("eu-west-1");
    }

    @Test
    void theSeededStackHasItsConfigBucketInItsRegionAndTheDumpShowsObjects() {
        try (Twin twin = Twin.start(TwinOptions.deterministic().withRegion("eu-west-1"))) {
            String bucket = twin.inWorld(w -> w.topology().bucketName());
            assertThat(bucket).matches("ovha-twin-cluster-[0-9a-f]{8}");
            List<S3Bucket> buckets = twin.inWorld(w -> w.s3().buckets());
            assertThat(buckets).extracting(S3Bucket::name, S3Bucket::region).containsExactly(tuple(bucket, "eu-west-1"));
            List<S3Object> objects = twin.inWorld(w -> w.s3().objects(bucket));
            assertThat(objects).as("no recordings yet; at most OpenVidu's .env").extracting(S3Object::key)
                    .isSubsetOf(".env");
            List<StackResource> resources = twin.inWorld(w -> w.cloudFormation().stacks().get(0).resources());
            assertThat(resources).as("the stack's S3OpenViduBucket is the same bucket")
                    .anySatisfy(r -> assertThat(r.physicalId()).isEqualTo(bucket));

            twin.inWorld(w -> w.s3().put(bucket, ".env", "A=1\n".getBytes(StandardCharsets.UTF_8), "text/plain"));
            Map<String, Object> dump = twin.inWorld(StateDump::of);
            assertThat(dump.get("buckets").toString()).contains(bucket, "key=.env", "size=4", "etag=\"");
        }
    }
}
