package org.marugoto.referral.web;

import org.jspecify.annotations.Nullable;
import org.marugoto.referral.domain.Notifications;
import org.marugoto.shared.CurrentActor;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The unread-notification count shown in the header on every page. */
@ControllerAdvice
class NotificationModel {

    private final Notifications notifications;

    NotificationModel(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("unreadNotifications")
    @Nullable
    Integer unread() {
        return CurrentActor.get().isPresent() ? notifications.unread() : null;
    }
}
