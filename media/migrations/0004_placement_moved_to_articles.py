
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('media', '0003_clearer_labels'),
    ]

    operations = [
        migrations.DeleteModel(
            name='Placement',
        ),
    ]
