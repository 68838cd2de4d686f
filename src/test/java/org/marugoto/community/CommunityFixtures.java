package org.marugoto.community;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.marugoto.community.domain.ActivityCommand;
import org.marugoto.community.domain.ActivityKind;
import org.marugoto.community.domain.ActivityStatus;
import org.marugoto.community.domain.Schedule;
import org.marugoto.community.domain.ScheduleKind;
import org.marugoto.community.domain.Target;

/** Activities for tests. */
public final class CommunityFixtures {

    private CommunityFixtures() {}

    /** A free salon for anyone, every month on the 2nd Wednesday, 10:00–12:00. */
    public static ActivityCommand activity(UUID groupId, UUID areaId, String name) {
        return new ActivityCommand(
                groupId,
                ActivityKind.SALON,
                false,
                name,
                null,
                "おしゃべりと体操",
                null,
                areaId,
                "テスト会館",
                "美月野市テスト町1-1",
                "バス停から3分",
                Set.of(Target.ANYONE),
                null,
                null,
                20,
                true,
                false,
                false,
                Set.of("ja"),
                null,
                "0470-00-0000",
                null,
                new Schedule(
                        ScheduleKind.MONTHLY,
                        EnumSet.of(DayOfWeek.WEDNESDAY),
                        List.of(2),
                        LocalTime.of(10, 0),
                        LocalTime.of(12, 0),
                        new TreeSet<>(),
                        null),
                ActivityStatus.OPEN);
    }

    /** A 2400 × 1600 JPEG carrying an EXIF block with a GPS position (35°39′N) and a camera comment. */
    public static byte[] jpegWithGps() throws java.io.IOException {
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(2400, 1600, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(200, 120, 40));
        g.fillRect(0, 0, 2400, 1600);
        g.setColor(java.awt.Color.BLUE);
        g.fillOval(600, 400, 1200, 800);
        g.dispose();
        java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpeg", plain);
        byte[] jpeg = plain.toByteArray();

        // TIFF (big endian): IFD0 with one entry GPSInfo (0x8825) -> GPS IFD with GPSLatitudeRef 'N' and GPSLatitude
        java.nio.ByteBuffer tiff = java.nio.ByteBuffer.allocate(100);
        tiff.put("MM".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putShort((short) 42)
                .putInt(8);
        tiff.putShort((short) 1)
                .putShort((short) 0x8825)
                .putShort((short) 4)
                .putInt(1)
                .putInt(26)
                .putInt(0);
        tiff.putShort((short) 2);
        tiff.putShort((short) 1)
                .putShort((short) 2)
                .putInt(2)
                .put((byte) 'N')
                .put((byte) 0)
                .putShort((short) 0);
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(56);
        tiff.putInt(0);
        tiff.putInt(35).putInt(1).putInt(39).putInt(1).putInt(0).putInt(1);
        byte[] exifBody = new byte[6 + tiff.position()];
        System.arraycopy("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, exifBody, 0, 6);
        System.arraycopy(tiff.array(), 0, exifBody, 6, tiff.position());
        java.io.ByteArrayOutputStream withExif = new java.io.ByteArrayOutputStream();
        withExif.write(jpeg, 0, 2); // SOI
        withExif.write(0xff);
        withExif.write(0xe1); // APP1
        int length = exifBody.length + 2;
        withExif.write(length >> 8);
        withExif.write(length & 0xff);
        withExif.write(exifBody);
        withExif.write(jpeg, 2, jpeg.length - 2);
        return withExif.toByteArray();
    }
}
