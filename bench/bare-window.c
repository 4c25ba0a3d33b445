/* bare-window.c — the baseline for bench/startup: a bare AdwApplication window with a
 * header bar, built in the same tree, that reports its first frame the same way. */
#include <adwaita.h>
#include <stdio.h>

static void
after_paint (GdkFrameClock *clock, gpointer app)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint, app);
  printf ("first-frame\n");
  fflush (stdout);
  g_application_quit (G_APPLICATION (app));
}

static void
realized (GtkWidget *widget, gpointer app)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (after_paint), app);
}

static void
activate (GApplication *app, gpointer data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), adw_status_page_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  g_signal_connect (window, "realize", G_CALLBACK (realized), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.mamori.BenchBare", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
