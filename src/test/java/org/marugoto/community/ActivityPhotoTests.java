package org.marugoto.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.area.AreaApi;
import org.marugoto.community.domain.Activity;
import org.marugoto.community.domain.ActivityPhotos;
import org.marugoto.community.domain.CommunityService;
import org.marugoto.community.domain.Group;
import org.marugoto.community.domain.GroupKind;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.shared.Actor;
import org.marugoto.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The photo of a place or activity: re-encoded so that no EXIF (GPS) or other metadata survives, scaled down, its
 * type told from its bytes, shown to residents only once published, served cacheable without a session.
 */
@MarugotoTest
class ActivityPhotoTests {

    @Autowired
    CommunityService community;

    @Autowired
    ActivityPhotos photos;

    @Autowired
    AreaApi areas;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    void as(String username) {
        PeopleFixtures.actAs(users, username);
    }

    Activity activity(String name) {
        as("csw");
        Group g = community.ensureGroup(
                name + "の会",
                null,
                GroupKind.VOLUNTEER_GROUP,
                null,
                null,
                null,
                ((Actor) users.loadUserByUsername("organiser2")).accountId());
        as("organiser2");
        return community.create(CommunityFixtures.activity(
                g.id(), areas.findByCode("W1-1").orElseThrow().id(), name));
    }

    static byte[] jpegWithGps() throws IOException {
        return CommunityFixtures.jpegWithGps();
    }

    static boolean containsApp1(byte[] bytes) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if ((bytes[i] & 0xff) == 0xff && (bytes[i + 1] & 0xff) == 0xe1) {
                return true;
            }
        }
        return false;
    }

    static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }

    @Test
    void theGpsExifIsGoneTheSizeIsBoundedAndOnlyPicturesAreTaken() throws IOException {
        byte[] upload = jpegWithGps();
        assertThat(contains(upload, "Exif")).as("the test photo carries EXIF").isTrue();
        assertThat(containsApp1(upload)).isTrue();
        assertThat(ImageIO.read(new ByteArrayInputStream(upload)))
                .as("a readable JPEG")
                .isNotNull();

        Activity a = activity("写真のあるサロン");
        Activity withPhoto = photos.attach(a.id(), a.version(), upload, "和室でお茶を飲む人たち");
        UUID photoId = withPhoto.photoId();
        assertThat(photoId).isNotNull();
        assertThat(withPhoto.photoAlt()).isEqualTo("和室でお茶を飲む人たち");
        ActivityPhotos.Photo stored = photos.forDesk(photoId).orElseThrow();
        assertThat(stored.contentType()).isEqualTo("image/jpeg");
        assertThat(contains(stored.bytes(), "Exif")).as("no EXIF left").isFalse();
        assertThat(containsApp1(stored.bytes()))
                .as("no APP1 (EXIF/XMP) segment left")
                .isFalse();
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(stored.bytes()));
        assertThat(read.getWidth()).isEqualTo(1200);
        assertThat(read.getHeight()).isEqualTo(800);
        assertThat(jdbc.sql("select count(*) from audit_event where record_id = ? and purpose = 'activity photo'")
                        .param(a.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // a PNG with a text chunk: the chunk is not kept
        BufferedImage small = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(small, "png", png);
        byte[] pngBytes = png.toByteArray();
        byte[] text = "tEXtComment\0Taken at 35.6895N 139.6917E".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(text.length + 8);
        chunk.putInt(text.length - 4).put(text).putInt(0);
        byte[] pngWithText = new byte[pngBytes.length + chunk.capacity()];
        System.arraycopy(pngBytes, 0, pngWithText, 0, 33); // signature and IHDR
        System.arraycopy(chunk.array(), 0, pngWithText, 33, chunk.capacity());
        System.arraycopy(pngBytes, 33, pngWithText, 33 + chunk.capacity(), pngBytes.length - 33);
        Activity current = community.get(a.id());
        try {
            Activity pngPhoto = photos.attach(current.id(), current.version(), pngWithText, "色の見本");
            byte[] stored2 = photos.forDesk(pngPhoto.photoId()).orElseThrow().bytes();
            assertThat(contains(stored2, "Taken at")).isFalse();
            current = pngPhoto;
        } catch (RuleViolation unreadable) {
            // a reader that refuses the bad chunk's checksum refuses the file: nothing of it is kept either
            assertThat(unreadable.messageKey()).isEqualTo("community.error.photoType");
        }

        // not a picture (a script named .jpg), or too large: refused at the field, nothing changes
        int version = community.get(a.id()).version();
        byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> photos.attach(a.id(), version, script, "説明"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("community.error.photoType"));
        byte[] huge = new byte[ActivityPhotos.MAX_BYTES + 1];
        huge[0] = (byte) 0xff;
        huge[1] = (byte) 0xd8;
        huge[2] = (byte) 0xff;
        assertThatThrownBy(() -> photos.attach(a.id(), version, huge, "説明"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey())
                        .isEqualTo("community.error.photoTooLarge"));
        assertThatThrownBy(() -> photos.attach(a.id(), version, upload, " "))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("community.error.photoAlt"));
        assertThat(community.get(a.id()).version()).isEqualTo(version);

        // another group's organiser may not change it
        as("organiser");
        assertThatThrownBy(() -> photos.attach(a.id(), version, upload, "説明"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void residentsSeeThePhotoOnlyOncePublishedAndItIsServedCacheableWithoutASession() throws Exception {
        Activity a = activity("写真の公開テスト");
        MvcResult uploaded = mvc.perform(multipart("/community/activities/" + a.id() + "/photo")
                        .file(new MockMultipartFile("photo", "salon.jpg", "image/jpeg", jpegWithGps()))
                        .param("photoAlt", "公民館でお茶を飲む人たち")
                        .param("version", String.valueOf(a.version()))
                        .with(csrf())
                        .with(user(users.loadUserByUsername("organiser2"))))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(uploaded.getFlashMap().containsKey("photoSaved")).isTrue();
        as("organiser2");
        Activity withPhoto = community.get(a.id());
        UUID photoId = withPhoto.photoId();
        assertThat(photoId).isNotNull();
        mvc.perform(get("/community/photos/" + photoId).with(user(users.loadUserByUsername("organiser2"))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("Cache-Control", "no-store"));
        mvc.perform(get("/community/photos/" + photoId).with(user(users.loadUserByUsername("organiser"))))
                .andExpect(status().isForbidden());
        // not published yet: residents get nothing
        mvc.perform(get("/public/photos/" + photoId)).andExpect(status().isNotFound());

        as("csw");
        community.publish(a.id(), withPhoto.version());
        MvcResult served = mvc.perform(get("/public/photos/" + photoId))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("Cache-Control", "max-age=86400, public"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn();
        assertThat(served.getResponse().getHeader("Set-Cookie")).isNull();
        assertThat(contains(served.getResponse().getContentAsByteArray(), "Exif"))
                .isFalse();
        mvc.perform(get("/public/activities/" + a.id()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString(
                                "src=\"/public/photos/" + photoId + "\" alt=\"公民館でお茶を飲む人たち\"")));
        mvc.perform(get("/public/photos/not-a-photo")).andExpect(status().isNotFound());
    }
}
