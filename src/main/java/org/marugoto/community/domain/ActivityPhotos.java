package org.marugoto.community.domain;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The optional photo of a place or activity. An upload is at most {@value #MAX_BYTES} bytes; its type is read from the
 * bytes (JPEG or PNG; the name and the declared type are not trusted); it is decoded, scaled to at most
 * {@value #MAX_SIDE} px on its longer side and encoded again, so nothing of the file but its pixels is kept: no EXIF,
 * no GPS position, no comments. The working copy names the new photo and waits for review like any other change;
 * residents see a photo only once a reviewer published the copy that names it.
 */
@Service
public class ActivityPhotos {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_SIDE = 1200;
    /** Decoding a picture larger than this would use too much memory (a "decompression bomb"). */
    static final long MAX_PIXELS = 40_000_000L;

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final CommunityService community;
    private final AuditApi audit;
    private final Clock clock;

    ActivityPhotos(JdbcClient jdbc, Tenancy tenancy, CommunityService community, AuditApi audit, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.community = community;
        this.audit = audit;
        this.clock = clock;
    }

    /** A stored photo, as served. */
    public record Photo(UUID id, String contentType, byte[] bytes, int width, int height) {}

    /** Re-encoded picture ready to store. */
    record Encoded(String contentType, byte[] bytes, int width, int height) {}

    /** Attaches a photo with its alternative text to the working copy; it waits for review again. */
    @Transactional
    public Activity attach(UUID activityId, int seenVersion, byte[] upload, String alt) {
        community.get(activityId);
        if (alt.isBlank()) {
            throw new RuleViolation("photoAlt", "community.error.photoAlt");
        }
        if (alt.length() > 300) {
            throw new RuleViolation("photoAlt", "community.error.tooLong");
        }
        Encoded encoded = reencode(upload);
        UUID photoId = Ids.newId();
        Timestamp now = Timestamp.from(clock.instant());
        String by = CurrentActor.username();
        jdbc.sql("""
                        insert into community_photo (municipality_id, id, activity_id, content_type, bytes, width,
                            height, created_at, created_by, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        tenancy.municipalityId(),
                        photoId,
                        activityId,
                        encoded.contentType(),
                        encoded.bytes(),
                        encoded.width(),
                        encoded.height(),
                        now,
                        by,
                        now,
                        by)
                .update();
        setPhoto(activityId, seenVersion, photoId, alt.strip(), now, by);
        audit.record(new AuditEntry(
                AuditAction.UPDATE,
                "community-activity",
                activityId,
                "activity photo",
                Map.of("photo", photoId.toString(), "bytes", String.valueOf(encoded.bytes().length))));
        return community.get(activityId);
    }

    /** Takes the photo off the working copy (the published copy keeps its photo until the next publication). */
    @Transactional
    public Activity remove(UUID activityId, int seenVersion) {
        community.get(activityId);
        Timestamp now = Timestamp.from(clock.instant());
        String by = CurrentActor.username();
        setPhoto(activityId, seenVersion, null, null, now, by);
        // photos named by neither copy are not needed any more
        jdbc.sql("""
                        delete from community_photo p where p.municipality_id = ? and p.activity_id = ?
                            and not exists (select 1 from community_activity a where a.municipality_id = p.municipality_id
                                and a.photo_id = p.id)
                            and not exists (select 1 from community_activity_published a
                                where a.municipality_id = p.municipality_id and a.photo_id = p.id)
                        """).params(tenancy.municipalityId(), activityId).update();
        audit.record(new AuditEntry(
                AuditAction.UPDATE, "community-activity", activityId, "activity photo", Map.of("photo", "removed")));
        return community.get(activityId);
    }

    private void setPhoto(
            UUID activityId,
            int seenVersion,
            @org.jspecify.annotations.Nullable UUID photoId,
            @org.jspecify.annotations.Nullable String alt,
            Timestamp now,
            String by) {
        int updated = jdbc.sql("""
                        update community_activity set photo_id = ?, photo_alt = ?, review_state = 'PENDING',
                            review_note = null, confirmed_at = ?, updated_at = ?, updated_by = ?,
                            version = version + 1
                        where municipality_id = ? and id = ? and version = ?
                        """)
                .params(java.util.Arrays.asList(
                        photoId, alt, now, now, by, tenancy.municipalityId(), activityId, seenVersion))
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("activity changed");
        }
    }

    /** A photo a resident may see: named by a published activity that is not closed. No login, no audit. */
    @Transactional(readOnly = true)
    public Optional<Photo> published(UUID photoId) {
        return jdbc.sql("""
                        select p.id, p.content_type, p.bytes, p.width, p.height from community_photo p
                        where p.municipality_id = ? and p.id = ? and exists (select 1 from community_activity_published a
                            where a.municipality_id = p.municipality_id and a.photo_id = p.id and a.status <> 'CLOSED')
                        """)
                .params(tenancy.municipalityId(), photoId)
                .query(ActivityPhotos::row)
                .optional();
    }

    /** A photo of an activity the user may edit (the organiser of its group, a reviewer): for the desk's preview. */
    @Transactional(readOnly = true)
    public Optional<Photo> forDesk(UUID photoId) {
        Optional<UUID> activity = jdbc.sql(
                        "select activity_id from community_photo where municipality_id = ? and id = ?")
                .params(tenancy.municipalityId(), photoId)
                .query(UUID.class)
                .optional();
        if (activity.isEmpty()) {
            return Optional.empty();
        }
        community.get(activity.get());
        return jdbc.sql("""
                        select id, content_type, bytes, width, height from community_photo
                        where municipality_id = ? and id = ?
                        """)
                .params(tenancy.municipalityId(), photoId)
                .query(ActivityPhotos::row)
                .optional();
    }

    private static Photo row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Photo(
                rs.getObject("id", UUID.class),
                rs.getString("content_type"),
                rs.getBytes("bytes"),
                rs.getInt("width"),
                rs.getInt("height"));
    }

    /**
     * Reads the picture (JPEG or PNG, told from its bytes), scales it down to {@link #MAX_SIDE} and writes it again
     * without any metadata. Anything else, or a picture too large to decode safely, is refused with a message.
     */
    static Encoded reencode(byte[] upload) {
        if (upload.length == 0) {
            throw new RuleViolation("photo", "community.error.photoMissing");
        }
        if (upload.length > MAX_BYTES) {
            throw new RuleViolation("photo", "community.error.photoTooLarge");
        }
        String format = sniff(upload);
        if (format == null) {
            throw new RuleViolation("photo", "community.error.photoType");
        }
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (in == null || !readers.hasNext()) {
                throw new RuleViolation("photo", "community.error.photoType");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw new RuleViolation("photo", "community.error.photoTooLarge");
                }
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof RuleViolation violation) {
                throw violation;
            }
            throw new RuleViolation("photo", "community.error.photoType");
        }
        boolean png = format.equals("png");
        BufferedImage scaled = scale(image, png);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (png) {
                ImageIO.write(scaled, "png", out);
            } else {
                ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
                try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                    writer.setOutput(stream);
                    ImageWriteParam param = writer.getDefaultWriteParam();
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality(0.85f);
                    // no metadata passed: the writer writes only what the pixels need (a plain JFIF header)
                    writer.write(null, new IIOImage(scaled, null, null), param);
                } finally {
                    writer.dispose();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not encode a photo", e);
        }
        return new Encoded(png ? "image/png" : "image/jpeg", out.toByteArray(), scaled.getWidth(), scaled.getHeight());
    }

    /** "jpeg" or "png" from the first bytes, else null. */
    static @org.jspecify.annotations.Nullable String sniff(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return "jpeg";
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (bytes.length >= png.length && java.util.Arrays.equals(java.util.Arrays.copyOf(bytes, png.length), png)) {
            return "png";
        }
        return null;
    }

    private static BufferedImage scale(BufferedImage image, boolean keepAlpha) {
        int w = image.getWidth();
        int h = image.getHeight();
        double factor = Math.min(1.0, (double) MAX_SIDE / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * factor));
        int th = Math.max(1, (int) Math.round(h * factor));
        BufferedImage target =
                new BufferedImage(tw, th, keepAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (!keepAlpha) {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, tw, th);
            }
            g.drawImage(image, 0, 0, tw, th, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
